package io.feedlens.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import io.feedlens.app.DataFolder;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.profiles.ProfileStore;
import io.feedlens.app.secrets.SecretReferences;
import io.feedlens.app.secrets.SecretVault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code feedlens profiles list|import}: the saved connections, with every secret hidden. */
@Command(name = "profiles", mixinStandardHelpOptions = true, description = "List saved connection profiles, or import one.",
        subcommands = {ProfilesCommand.ListProfiles.class, ProfilesCommand.Import.class})
public final class ProfilesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The saved profiles; secrets show as [hidden] or by reference.")
    static final class ListProfiles implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (ClusterProfile profile : new ProfileStore(DataFolder.path()).load()) {
                out.printf("%s  %s  %s%n", profile.name(), profile.bootstrapServers(), profile.writable() ? "writable" : "read-only");
                new TreeMap<>(SecretReferences.redacted(profile.properties())).forEach((name, value) ->
                        out.printf("    %s=%s%n", name, value));
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Save a profile from a Kafka client.properties file (bootstrap.servers, security.protocol, sasl.*, ssl.*). "
                    + "Plain-text secrets in it are stored encrypted with the passphrase ($" + ClusterOptions.PASSPHRASE_VARIABLE
                    + " or asked), or refused.")
    static final class Import implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "The client.properties file.")
        Path file;

        @Option(names = "--name", required = true, description = "The profile's name.")
        String name;

        @Option(names = "--writable", description = "Allow writes (offset resets) on this connection.")
        boolean writable;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                ClusterProfile imported = ClusterProfile.fromClientProperties(name, ClientProperties.read(file)).withWritable(writable);
                if (imported.bootstrapServers().isBlank()) {
                    throw new IllegalArgumentException(file + " has no bootstrap.servers.");
                }
                Map<String, String> properties = imported.properties();
                if (!SecretReferences.plainSecrets(properties).isEmpty()) {
                    properties = SecretReferences.encryptPlain(properties, vault());
                }
                ProfileStore store = new ProfileStore(DataFolder.path());
                ClusterProfile profile = new ClusterProfile(name, imported.bootstrapServers(), properties, writable);
                store.save(store.find(name).isPresent() ? name : null, profile);
                spec.commandLine().getOut().println("Saved profile '" + name + "' for " + profile.bootstrapServers()
                        + (profile.writable() ? " (writable)." : " (read-only)."));
                return 0;
            } catch (IllegalArgumentException | IllegalStateException e) {
                err.println(e.getMessage());
                return 2;
            } finally {
                spec.commandLine().getOut().flush();
                err.flush();
            }
        }

        private static SecretVault vault() {
            if (SecretVault.current() != null) {
                return SecretVault.current();
            }
            char[] passphrase = ClusterOptions.passphrase("Passphrase to encrypt the secrets with: ");
            if (passphrase == null) {
                throw new IllegalArgumentException("The file holds secrets in plain text. FeedLens stores them only encrypted: set "
                        + ClusterOptions.PASSPHRASE_VARIABLE + " or run in a terminal to give a passphrase, or replace them "
                        + "with references such as ${env:KAFKA_PASSWORD}.");
            }
            return SecretVault.unlock(DataFolder.path(), passphrase);
        }
    }
}
