package io.feedlens.views.clusters;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.feedlens.app.Background;
import io.feedlens.app.cluster.ClusterOverview;
import io.feedlens.app.cli.ClientProperties;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.cluster.ConnectionSecurity;
import io.feedlens.app.demo.DemoCluster;
import io.feedlens.app.profiles.ProfileStore;
import io.feedlens.app.secrets.SecretReferences;
import io.feedlens.app.secrets.SecretVault;
import io.feedlens.views.shell.ActiveCluster;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Clusters screen's state and commands: the saved profiles, the form that edits one, connecting,
 * and starting the embedded demo cluster. Free of controls, so it is tested without a window.
 */
public final class ClustersViewModel implements AutoCloseable {

    public static final String DEMO_PROFILE = "Demo cluster";

    private final ProfileStore store;
    private final ActiveCluster activeCluster;
    private final Supplier<DemoCluster> demoStarter;
    private final Executor ui;

    private final ObservableList<ClusterProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ClusterProfile> selected = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty bootstrapServers = new SimpleStringProperty("");
    private final StringProperty clientProperties = new SimpleStringProperty("");
    private final BooleanProperty writable = new SimpleBooleanProperty(false);
    private final SecurityForm security = new SecurityForm();
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper secretStore = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper demoStarting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper demoRunning = new ReadOnlyBooleanWrapper(false);
    private DemoCluster demoCluster;
    /** Whether the passphrase was skipped when asked at start: then a locked connection says so. */
    private boolean skippedAtStart;

    public ClustersViewModel(ProfileStore store, ActiveCluster activeCluster, Supplier<DemoCluster> demoStarter, Executor ui) {
        this.store = store;
        this.activeCluster = activeCluster;
        this.demoStarter = demoStarter;
        this.ui = ui;
        profiles.setAll(store.load());
        selected.addListener((observable, before, now) -> fillForm(now));
        describeSecretStore();
    }

    // Properties

    public ObservableList<ClusterProfile> profiles() {
        return profiles;
    }

    public ObjectProperty<ClusterProfile> selectedProperty() {
        return selected;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty bootstrapServersProperty() {
        return bootstrapServers;
    }

    /** Kafka client properties, one {@code name=value} a line, as in a {@code client.properties} file. */
    public StringProperty clientPropertiesProperty() {
        return clientProperties;
    }

    /** Whether FeedLens may write to this cluster (offset resets); off unless someone ticks it. */
    public BooleanProperty writableProperty() {
        return writable;
    }

    /** The security section: protocol, mechanism, user, password, trust- and keystore. */
    public SecurityForm security() {
        return security;
    }

    /** The passphrase being typed to unlock the stored secrets; cleared once used. */
    public StringProperty passphraseProperty() {
        return passphrase;
    }

    /** Whether a saved connection keeps an encrypted password and no passphrase unlocked the store yet: ask at start. */
    public boolean secretsLocked() {
        return SecretVault.current() == null && profiles.stream().anyMatch(p -> SecretReferences.hasEncrypted(p.properties()));
    }

    /** Whether secrets typed into the form can be stored encrypted now, in words. */
    public ReadOnlyStringProperty secretStoreProperty() {
        return secretStore.getReadOnlyProperty();
    }

    /** What went wrong with the last command, in words; empty when nothing did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty demoStartingProperty() {
        return demoStarting.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty demoRunningProperty() {
        return demoRunning.getReadOnlyProperty();
    }

    public BooleanBinding canSave() {
        return Bindings.createBooleanBinding(() -> !name.get().isBlank() && !bootstrapServers.get().isBlank(),
                name, bootstrapServers);
    }

    public BooleanBinding canStartDemo() {
        return demoStarting.or(demoRunning).not();
    }

    /** The folder the profiles are saved in. */
    public java.nio.file.Path dataFolder() {
        return store.folder();
    }

    public ActiveCluster activeCluster() {
        return activeCluster;
    }

    /** The demo cluster this window started, or null. */
    public DemoCluster demoCluster() {
        return demoCluster;
    }

    // Commands

    public void newProfile() {
        selected.set(null);
        fillForm(null);
    }

    /** Saves the form as a new profile, or over the selected one; returns the saved profile, or null when refused. */
    public ClusterProfile saveProfile() {
        problem.set("");
        ClusterProfile profile;
        try {
            Map<String, String> properties = security.read().applyTo(parseProperties(clientProperties.get()));
            SecretVault vault = SecretVault.current();
            if (vault != null) {
                properties = SecretReferences.encryptPlain(properties, vault);
            }
            ClusterProfile previous = selected.get();
            // The form does not show the lineage profile; an edit keeps the one saved with the connection.
            profile = new ClusterProfile(name.get().trim(), bootstrapServers.get().trim(), properties, writable.get(),
                    previous == null ? null : previous.lineage());
            profiles.setAll(store.save(previous == null ? null : previous.name(), profile));
        } catch (IllegalArgumentException | IllegalStateException e) {
            problem.set(e.getMessage());
            return null;
        }
        selected.set(profile);
        return profile;
    }

    public void removeSelected() {
        ClusterProfile profile = selected.get();
        if (profile == null) {
            return;
        }
        profiles.setAll(store.remove(profile.name()));
        selected.set(null);
    }

    /** Saves what the form says, then connects to it. */
    public CompletableFuture<ClusterOverview> connect() {
        ClusterProfile profile = canSave().get() ? saveProfile() : null;
        if (profile == null) {
            if (problem.get().isEmpty()) {
                problem.set("Give the connection a name and its bootstrap servers first.");
            }
            return CompletableFuture.failedFuture(new IllegalStateException(problem.get()));
        }
        return connectTo(profile);
    }

    /** Starts the embedded broker with its live feed, saves a profile for it, and connects. */
    public CompletableFuture<ClusterOverview> startDemo() {
        problem.set("");
        demoStarting.set(true);
        return Background.supply(demoStarter)
                .thenApplyAsync(started -> {
                    demoCluster = started;
                    demoRunning.set(true);
                    demoStarting.set(false);
                    // A person who marked the demo writable keeps that choice across restarts of the demo.
                    boolean writes = profiles.stream().anyMatch(p -> p.name().equals(DEMO_PROFILE) && p.writable());
                    ClusterProfile profile = ClusterProfile.of(DEMO_PROFILE, started.bootstrapServers()).withWritable(writes);
                    profiles.setAll(store.save(DEMO_PROFILE, profile));
                    selected.set(profile);
                    return profile;
                }, ui)
                .whenCompleteAsync((profile, failure) -> {
                    if (failure != null) {
                        demoStarting.set(false);
                        problem.set("The demo cluster did not start: " + rootMessage(failure));
                    }
                }, ui)
                .thenCompose(this::connectTo);
    }

    /**
     * Unlocks the stored secrets with the typed passphrase (creating the store on first use) off the FX thread: the
     * key derivation takes a moment on purpose. The passphrase is cleared either way.
     */
    public CompletableFuture<Void> unlockSecrets() {
        problem.set("");
        char[] typed = passphrase.get() == null ? new char[0] : passphrase.get().toCharArray();
        passphrase.set("");
        return Background.supply(() -> SecretVault.unlock(store.folder(), typed))
                .handleAsync((vault, failure) -> {
                    if (failure != null) {
                        problem.set(rootMessage(failure));
                    }
                    describeSecretStore();
                    return null;
                }, ui);
    }

    /**
     * Fills the form from a Kafka {@code client.properties} file (bootstrap.servers, security.protocol, sasl.*, ssl.*);
     * nothing is saved until Save. A file that cannot be read says why.
     */
    public void importClientProperties(java.nio.file.Path file) {
        problem.set("");
        try {
            String fileName = file.getFileName().toString().replaceFirst("\\.properties$", "");
            ClusterProfile imported = ClusterProfile.fromClientProperties(name.get().isBlank() ? fileName : name.get(),
                    ClientProperties.read(file));
            selected.set(null);
            fillForm(imported);
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
        }
    }

    /** The answer to the passphrase asked at start: unlocked, or skipped (encrypted connections stay locked). */
    void answeredAtStart(boolean skipped) {
        skippedAtStart = skipped && SecretVault.current() == null;
        describeSecretStore();
    }

    private void describeSecretStore() {
        if (SecretVault.current() != null) {
            secretStore.set("Unlocked: passwords typed in are stored encrypted.");
        } else if (skippedAtStart) {
            secretStore.set("Locked (skipped at start): connections with stored passwords cannot connect until you give the passphrase.");
        } else if (SecretVault.existsIn(store.folder())) {
            secretStore.set("Locked: give the passphrase to use stored passwords or store new ones.");
        } else {
            secretStore.set("No passphrase yet: give one to store passwords encrypted, or use ${env:NAME} / ${file:/path:key}.");
        }
    }

    private CompletableFuture<ClusterOverview> connectTo(ClusterProfile profile) {
        problem.set("");
        if (SecretVault.current() == null && SecretReferences.hasEncrypted(profile.properties())) {
            // Said before Kafka is asked: its client would only fail deep inside with a config-provider error.
            problem.set("\"" + profile.name() + "\" keeps its password encrypted and the stored secrets are locked"
                    + (skippedAtStart ? " (the passphrase was skipped at start)" : "")
                    + ": give the passphrase under Security → Stored secrets and press Unlock, then connect.");
            return CompletableFuture.failedFuture(new IllegalStateException(problem.get()));
        }
        return activeCluster.connect(profile);
    }

    private void fillForm(ClusterProfile profile) {
        problem.set("");
        name.set(profile == null ? "" : profile.name());
        bootstrapServers.set(profile == null ? "" : profile.bootstrapServers());
        writable.set(profile != null && profile.writable());
        ConnectionSecurity filled = profile == null ? ConnectionSecurity.none() : profile.security();
        security.fill(filled);
        clientProperties.set(profile == null ? "" : new TreeMap<>(profile.properties()).entrySet().stream()
                .filter(e -> !ConnectionSecurity.owns(e.getKey(), filled.mechanism()))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n")));
    }

    static Map<String, String> parseProperties(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text == null ? "" : text));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The client properties are not in name=value form: " + e.getMessage(), e);
        }
        Map<String, String> map = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key)));
        if (map.containsKey("bootstrap.servers")) {
            throw new IllegalArgumentException("Put the bootstrap servers in their own field, not in the client properties.");
        }
        return map;
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Stops the demo cluster this window started, if any. */
    @Override
    public void close() {
        if (demoCluster != null) {
            demoCluster.close();
            demoCluster = null;
        }
    }
}
