package io.feedlens.app.cli;

import java.io.Console;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.feedlens.app.DataFolder;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.profiles.ProfileStore;
import io.feedlens.app.secrets.SecretVault;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How every headless command names its cluster: bootstrap servers plus a Kafka {@code client.properties} file, or a
 * profile saved on the Clusters screen (or with {@code feedlens profiles import}), with its lineage profile. A profile
 * with encrypted secrets is unlocked with {@code $FEEDLENS_PASSPHRASE}, or by asking on the terminal.
 */
public final class ClusterOptions {

    /** Where a headless run finds the passphrase of the stored secrets when there is no terminal to ask on. */
    public static final String PASSPHRASE_VARIABLE = "FEEDLENS_PASSPHRASE";

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Bootstrap servers of the cluster.")
    String bootstrap;

    @Option(names = "--connection", paramLabel = "NAME", description = "A saved connection profile (Clusters screen or profiles import), instead of --bootstrap.")
    String profileName;

    @Option(names = "--command-config", paramLabel = "FILE",
            description = "Client properties as Kafka's own tools take them (security.protocol, sasl.*, ssl.*), "
                    + "plus schema.registry.url and its settings where Avro comes from a registry.")
    Path commandConfig;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    ClusterProfile profile() {
        if (profileName == null && bootstrap == null) {
            throw new ParameterException(spec.commandLine(), "Name the cluster with --bootstrap HOST:PORT or --connection NAME.");
        }
        try {
            Map<String, String> file = ClientProperties.read(commandConfig);
            if (profileName == null) {
                return new ClusterProfile(bootstrap, bootstrap, file);
            }
            ClusterProfile saved = new ProfileStore(DataFolder.path()).find(profileName).orElseThrow(() ->
                    new IllegalArgumentException("There is no saved profile named '" + profileName + "'."));
            Map<String, String> properties = new LinkedHashMap<>(saved.properties());
            properties.putAll(file);
            unlockIfNeeded(properties);
            return new ClusterProfile(saved.name(), bootstrap != null ? bootstrap : saved.bootstrapServers(), properties,
                    saved.writable(), saved.lineage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** Whether the cluster is a saved profile, whose "writable" mark then decides about writes. */
    boolean isSavedProfile() {
        return profileName != null;
    }

    private static void unlockIfNeeded(Map<String, String> properties) {
        boolean encrypted = properties.values().stream().anyMatch(v -> v.contains("${" + SecretVault.PROVIDER + ":"));
        if (!encrypted || SecretVault.current() != null) {
            return;
        }
        char[] passphrase = passphrase("Passphrase of the stored secrets: ");
        if (passphrase == null) {
            throw new IllegalArgumentException("This profile holds encrypted secrets: set " + PASSPHRASE_VARIABLE
                    + " or run in a terminal to be asked for the passphrase.");
        }
        SecretVault.unlock(DataFolder.path(), passphrase);
    }

    /** The passphrase from {@value #PASSPHRASE_VARIABLE}, else asked on the terminal without echo; null with neither. */
    static char[] passphrase(String prompt) {
        String variable = System.getenv(PASSPHRASE_VARIABLE);
        Console console = System.console();
        return variable != null ? variable.toCharArray() : console != null ? console.readPassword(prompt) : null;
    }
}
