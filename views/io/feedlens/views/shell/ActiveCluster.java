package io.feedlens.views.shell;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.feedlens.app.cluster.ClusterOverview;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.cluster.ClusterSession;
import io.feedlens.app.cluster.ConnectionProblem;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The cluster the window is connected to, shared by every screen and the status bar.
 * Only one connection is live: connecting again closes the previous session, and the answer of an
 * older attempt that arrives late is dropped instead of overwriting the newer one.
 */
public final class ActiveCluster implements AutoCloseable {

    public enum State { DISCONNECTED, CONNECTING, CONNECTED, FAILED }

    private final Executor ui;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.DISCONNECTED);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Not connected");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ClusterProfile> profile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ClusterOverview> overview = new ReadOnlyObjectWrapper<>();
    private ClusterSession session;
    private long attempt;

    public ActiveCluster(Executor ui) {
        this.ui = ui;
    }

    // Properties

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** What lies behind the last failure, cause by cause, for whoever asks; empty unless the state is FAILED. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ClusterProfile> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ClusterOverview> overviewProperty() {
        return overview.getReadOnlyProperty();
    }

    /** The open session, or null when not connected. */
    public ClusterSession session() {
        return session;
    }

    // Commands

    /** Connects to the profile's cluster; completes with the overview, or exceptionally with a {@link ConnectionProblem}. */
    public CompletableFuture<ClusterOverview> connect(ClusterProfile target) {
        long thisAttempt = ++attempt;
        closeSession();
        profile.set(target);
        overview.set(null);
        state.set(State.CONNECTING);
        details.set("");
        message.set("Connecting to " + target.name() + " (" + target.bootstrapServers() + ")…");
        CompletableFuture<ClusterOverview> answer = new CompletableFuture<>();
        ClusterSession.connect(target).whenCompleteAsync((connected, failure) -> {
            if (thisAttempt != attempt) {
                if (connected != null) {
                    connected.session().close();
                }
                answer.cancel(false);
                return;
            }
            if (failure != null) {
                ConnectionProblem problem = ConnectionProblem.explain(target.bootstrapServers(), failure);
                state.set(State.FAILED);
                message.set(problem.getMessage());
                details.set(causes(target, failure));
                answer.completeExceptionally(problem);
            } else {
                session = connected.session();
                overview.set(connected.overview());
                state.set(State.CONNECTED);
                message.set("Connected to " + target.name() + " · " + target.bootstrapServers());
                answer.complete(connected.overview());
            }
        }, ui);
        return answer;
    }

    /** Each cause in the chain on its own line, without stack frames: enough to search for or to paste in a ticket. */
    static String causes(ClusterProfile target, Throwable failure) {
        StringBuilder text = new StringBuilder("Connecting to " + target.bootstrapServers() + " as \"" + target.name() + "\" failed.\n");
        Throwable first = failure;
        // The futures' wrappers say nothing a person needs.
        while (first instanceof java.util.concurrent.CompletionException && first.getCause() != null) {
            first = first.getCause();
        }
        for (Throwable cause = first; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            text.append("\n").append(cause.getClass().getName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }

    public void disconnect() {
        attempt++;
        closeSession();
        overview.set(null);
        details.set("");
        state.set(State.DISCONNECTED);
        message.set("Not connected");
    }

    private void closeSession() {
        if (session != null) {
            ClusterSession closing = session;
            session = null;
            io.feedlens.app.Background.run(closing::close);
        }
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
