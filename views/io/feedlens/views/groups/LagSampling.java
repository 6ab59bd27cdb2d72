package io.feedlens.views.groups;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.feedlens.app.Background;
import io.feedlens.app.cluster.ClusterOverview;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.cluster.ClusterSession;
import io.feedlens.app.groups.ConsumerGroups;
import io.feedlens.app.groups.GroupsSnapshot;
import io.feedlens.app.groups.LagHistory;
import io.feedlens.app.groups.LagSampler;
import io.feedlens.app.groups.OffsetResets;
import io.feedlens.views.shell.ActiveCluster;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Samples consumer-group lag for as long as the window is connected: one {@link LagSampler} per connection, writing
 * into that cluster's {@link LagHistory}. Snapshots arrive on the sampler thread and are handed to the UI executor,
 * one hand-off per snapshot (one per interval, so batching would gain nothing). Connection changes start and stop it.
 */
public final class LagSampling implements AutoCloseable {

    private final ActiveCluster cluster;
    private final Path dataFolder;
    private final Duration interval;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<GroupsSnapshot> latest = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Connection> connection = new ReadOnlyObjectWrapper<>();
    private long generation;

    /** What one connection samples with; closed together when the connection goes. */
    public record Connection(ClusterProfile profile, ConsumerGroups groups, LagHistory history, OffsetResets resets,
                             LagSampler sampler) implements AutoCloseable {
        @Override
        public void close() {
            sampler.close();
            groups.close();
            resets.close();
            history.close();
        }
    }

    public LagSampling(ActiveCluster cluster, Path dataFolder, Duration interval, Executor ui) {
        this.cluster = cluster;
        this.dataFolder = dataFolder;
        this.interval = interval;
        this.ui = ui;
        cluster.stateProperty().addListener((o, before, now) -> clusterChanged(now));
        clusterChanged(cluster.stateProperty().get());
    }

    // Properties

    /** The newest snapshot of this connection's groups; null before the first one and while not connected. */
    public ReadOnlyObjectProperty<GroupsSnapshot> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    /** Why sampling could not start or the last refresh failed; empty when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The live connection's services; null while not connected or still opening. */
    public ReadOnlyObjectProperty<Connection> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    // Commands

    /** A snapshot now, outside the interval (the Refresh button); recorded in the history like the sampler's. */
    public CompletableFuture<GroupsSnapshot> refresh() {
        Connection live = connection.get();
        if (live == null) {
            return CompletableFuture.completedFuture(null);
        }
        long thisGeneration = generation;
        return Background.supply(() -> {
            GroupsSnapshot snapshot = live.groups().refreshNow();
            live.history().record(snapshot);
            return snapshot;
        }).whenCompleteAsync((snapshot, failure) -> {
            if (thisGeneration != generation) {
                return;
            }
            if (failure != null) {
                problem.set("Refreshing the consumer groups failed: " + GroupsViewModel.reason(failure));
            } else {
                publish(snapshot);
            }
        }, ui);
    }

    private void clusterChanged(ActiveCluster.State state) {
        long thisGeneration = ++generation;
        stopSampling();
        ClusterSession session = state == ActiveCluster.State.CONNECTED ? cluster.session() : null;
        ClusterOverview overview = cluster.overviewProperty().get();
        if (session == null || overview == null) {
            return;
        }
        // Opening the H2 file is disk work: not on the UI thread.
        Background.supply(() -> open(session, overview.clusterId(), thisGeneration)).whenCompleteAsync((opened, failure) -> {
            if (thisGeneration != generation) {
                if (opened != null) {
                    Background.run(opened::close);
                }
            } else if (failure != null) {
                problem.set("Lag sampling did not start: " + GroupsViewModel.reason(failure));
            } else {
                connection.set(opened);
            }
        }, ui);
    }

    private Connection open(ClusterSession session, String clusterId, long thisGeneration) {
        LagHistory history = LagHistory.open(dataFolder, clusterId);
        ConsumerGroups groups = new ConsumerGroups(session);
        LagSampler sampler = LagSampler.start(groups, history, interval,
                snapshot -> ui.execute(() -> arrived(snapshot, thisGeneration)));
        return new Connection(session.profile(), groups, history, new OffsetResets(session), sampler);
    }

    private void arrived(GroupsSnapshot snapshot, long fromGeneration) {
        if (fromGeneration == generation) {
            publish(snapshot);
        }
    }

    /** Shows a snapshot as the newest; on the UI thread. Package-private so ViewModel tests can hand one in. */
    void publish(GroupsSnapshot snapshot) {
        problem.set("");
        latest.set(snapshot);
    }

    private void stopSampling() {
        latest.set(null);
        problem.set("");
        Connection stopping = connection.get();
        connection.set(null);
        if (stopping != null) {
            Background.run(stopping::close);
        }
    }

    @Override
    public void close() {
        generation++;
        Connection stopping = connection.get();
        connection.set(null);
        if (stopping != null) {
            stopping.close();
        }
    }
}
