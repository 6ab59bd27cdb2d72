package io.feedlens.views.shell;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.feedlens.app.Background;
import io.feedlens.app.cluster.ClusterSession;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.lineage.ClusterLineage;
import io.feedlens.app.lineage.IndexProgress;
import io.feedlens.app.lineage.LineageIndexes;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The lineage of the connected cluster, shared by the Trace, Impact and Index screens: its index is opened when a
 * cluster connects and closed when it disconnects. On the demo cluster the indexer starts by itself, so a person can
 * trace a decision without knowing an index exists; elsewhere the Index screen starts it. Which topics hold events,
 * features and decisions comes from {@link LineageIndexes#profileFor}.
 */
public final class ActiveLineage implements AutoCloseable {

    private final Path dataFolder;
    private final Supplier<RecordDecoder> decoder;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<ClusterLineage> lineage = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<IndexProgress> progress = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final String demoProfileName;
    private long opening;

    public ActiveLineage(ActiveCluster cluster, Path dataFolder, Supplier<RecordDecoder> decoder, String demoProfileName, Executor ui) {
        this.dataFolder = dataFolder;
        this.decoder = decoder;
        this.demoProfileName = demoProfileName;
        this.ui = ui;
        cluster.stateProperty().addListener((o, before, now) -> {
            closeCurrent();
            if (now == ActiveCluster.State.CONNECTED) {
                open(cluster.session(), cluster.overviewProperty().get().clusterId());
            }
        });
    }

    // Properties

    /** The connected cluster's lineage; null while not connected or while its index opens. */
    public ReadOnlyObjectProperty<ClusterLineage> lineageProperty() {
        return lineage.getReadOnlyProperty();
    }

    /** The running indexer's last progress, on the FX thread. */
    public ReadOnlyObjectProperty<IndexProgress> progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Why the index could not be opened (for instance another FeedLens holds it), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    // Commands

    /** Starts following the topics; progress arrives in {@link #progressProperty()}. */
    public void startIndexing() {
        ClusterLineage current = lineage.get();
        if (current != null) {
            current.indexing().start(p -> ui.execute(() -> progress.set(p)));
        }
    }

    public void stopIndexing() {
        ClusterLineage current = lineage.get();
        if (current != null) {
            Background.run(current.indexing()::stop);
        }
    }

    public void rebuildIndex() {
        ClusterLineage current = lineage.get();
        if (current != null) {
            Background.run(() -> current.indexing().rebuild(p -> ui.execute(() -> progress.set(p))));
        }
    }

    private void open(ClusterSession session, String clusterId) {
        long attempt = ++opening;
        problem.set("");
        boolean demo = session.profile().name().equals(demoProfileName);
        Background.supply(() -> ClusterLineage.open(dataFolder, session, clusterId,
                        LineageIndexes.profileFor(dataFolder, session.profile(), clusterId), decoder.get()))
                .whenCompleteAsync((opened, failure) -> {
                    if (attempt != opening) {
                        if (opened != null) {
                            Background.run(opened::close);
                        }
                        return;
                    }
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        problem.set("The lineage index could not be opened: " + cause.getMessage());
                        return;
                    }
                    lineage.set(opened);
                    if (demo) {
                        startIndexing();
                    }
                }, ui);
    }

    private void closeCurrent() {
        opening++;
        ClusterLineage closing = lineage.get();
        lineage.set(null);
        progress.set(null);
        if (closing != null) {
            Background.run(closing::close);
        }
    }

    @Override
    public void close() {
        opening++;
        ClusterLineage closing = lineage.get();
        lineage.set(null);
        if (closing != null) {
            closing.close();
        }
    }
}
