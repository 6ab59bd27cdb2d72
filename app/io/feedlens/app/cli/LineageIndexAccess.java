package io.feedlens.app.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;

import io.feedlens.app.DataFolder;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.cluster.ClusterSession;
import io.feedlens.app.cluster.ConnectionProblem;
import io.feedlens.app.lineage.LineageIndexes;
import io.feedlens.lineage.store.LineageStore;
import io.feedlens.lineage.store.LineageStoreException;
import picocli.CommandLine.Model.CommandSpec;

/** Connects, finds the cluster's index by its cluster id, runs the work, and turns failures into one line and exit 2. */
final class LineageIndexAccess {

    interface Work {
        int run(ClusterSession session, LineageStore store) throws Exception;
    }

    interface SessionWork {
        int run(ClusterSession.Connected connected) throws Exception;
    }

    private LineageIndexAccess() {
    }

    static int withIndex(CommandSpec spec, ClusterProfile profile, IndexPasswordOption password, Work work) {
        return withIndex(spec, profile, false, password, work);
    }

    /** @param shared open the index for several processes at once (indexers of one consumer group) */
    static int withIndex(CommandSpec spec, ClusterProfile profile, boolean shared, IndexPasswordOption password, Work work) {
        return withSession(spec, profile, connected -> {
            String clusterId = connected.overview().clusterId();
            try (LineageStore store = shared ? LineageIndexes.openShared(DataFolder.path(), clusterId, password.password())
                    : LineageIndexes.open(DataFolder.path(), clusterId, password.password())) {
                return work.run(connected.session(), store);
            }
        });
    }

    /** Connects and runs the work on the session, closing it after; failures become one line and exit 2. */
    static int withSession(CommandSpec spec, ClusterProfile profile, SessionWork work) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            ClusterSession.Connected connected = ClusterSession.connect(profile).join();
            try (ClusterSession session = connected.session()) {
                return work.run(connected);
            }
        } catch (LineageStoreException | IllegalArgumentException | UncheckedIOException e) {
            err.println(e.getMessage());
            return 2;
        } catch (Exception e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            err.println(ConnectionProblem.explain(profile.bootstrapServers(), cause).getMessage());
            return 2;
        } finally {
            spec.commandLine().getOut().flush();
            err.flush();
        }
    }
}
