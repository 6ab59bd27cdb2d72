package io.feedlens.views.clusters;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.feedlens.app.Background;
import io.feedlens.app.secrets.SecretVault;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The passphrase asked once the window shows, when saved connections keep encrypted passwords (decision 14): Unlock
 * derives the key off the FX thread and answers a wrong passphrase in words; Skip starts with those connections
 * locked. The passphrase is only ever in the field and, while the key is derived, in an array wiped after.
 */
public final class StartUnlockViewModel {

    static final String WRONG = "Wrong passphrase: it does not unlock the stored secrets. Try again, or Skip to start with "
            + "the connections that keep encrypted passwords locked.";

    private final ClustersViewModel clusters;
    private final Executor ui;
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final CompletableFuture<Boolean> answered = new CompletableFuture<>();

    public StartUnlockViewModel(ClustersViewModel clusters, Executor ui) {
        this.clusters = clusters;
        this.ui = ui;
    }

    // Properties

    public StringProperty passphraseProperty() { return passphrase; }
    /** Why the last try failed, in words; empty before one did. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** Completes on the FX thread once answered: true when unlocked, false when skipped. */
    public CompletableFuture<Boolean> answered() { return answered; }

    // Commands

    public void unlock() {
        if (busy.get() || answered.isDone()) {
            return;
        }
        char[] typed = passphrase.get() == null ? new char[0] : passphrase.get().toCharArray();
        passphrase.set("");
        if (typed.length == 0) {
            message.set("Type the passphrase, or Skip.");
            return;
        }
        busy.set(true);
        message.set("Unlocking…");
        Background.supply(() -> SecretVault.unlock(clusters.dataFolder(), typed)).whenCompleteAsync((vault, failure) -> {
            busy.set(false);
            if (failure == null) {
                message.set("");
                clusters.answeredAtStart(false);
                answered.complete(true);
            } else {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                message.set(cause instanceof IllegalArgumentException ? WRONG : "The stored secrets could not be opened: " + cause.getMessage());
            }
        }, ui);
    }

    public void skip() {
        if (answered.isDone()) {
            return;
        }
        passphrase.set("");
        clusters.answeredAtStart(true);
        answered.complete(false);
    }
}
