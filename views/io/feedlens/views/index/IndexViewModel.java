package io.feedlens.views.index;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

import io.feedlens.app.Background;
import io.feedlens.app.lineage.ClusterLineage;
import io.feedlens.app.lineage.IndexProgress;
import io.feedlens.app.lineage.IndexStatus;
import io.feedlens.app.lineage.TopicIndexState;
import io.feedlens.lineage.model.SkippedRecord;
import io.feedlens.views.shell.ActiveLineage;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Index screen's state: which topics are indexed, records indexed, the indexing rate, how far behind the topics
 * the index is, the records it could not use; and start, stop, rebuild. Refreshed on request and by a timer.
 */
public final class IndexViewModel {

    static final int SKIPPED_SHOWN = 500;

    private final ActiveLineage lineage;
    private final Executor ui;
    private final ObservableList<TopicIndexState> topics = FXCollections.observableArrayList();
    private final ObservableList<SkippedRecord> skipped = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("Not connected.");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(false);
    private boolean refreshing;

    public IndexViewModel(ActiveLineage lineage, Executor ui) {
        this.lineage = lineage;
        this.ui = ui;
        lineage.lineageProperty().addListener((o, before, now) -> {
            available.set(now != null);
            refresh();
        });
        lineage.progressProperty().addListener((o, before, now) -> showProgress(now));
    }

    // Properties

    public ObservableList<TopicIndexState> topics() { return topics; }
    public ObservableList<SkippedRecord> skipped() { return skipped; }
    /** Records indexed per role, e.g. "12,000 events · 9,000 features · 3,000 decisions · 2 skipped". */
    public ReadOnlyStringProperty countsProperty() { return counts.getReadOnlyProperty(); }
    /** Running or stopped, the rate, how far behind, or the problem that stopped it. */
    public ReadOnlyStringProperty stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** Whether a cluster's index is open. */
    public ReadOnlyBooleanProperty availableProperty() { return available.getReadOnlyProperty(); }

    // Commands

    public void start() {
        lineage.startIndexing();
        running.set(true);
        refresh();
    }

    public void stop() {
        lineage.stopIndexing();
        refresh();
    }

    /** Empties the index (people's flags kept) and reads every topic again from its beginning. */
    public void rebuild() {
        lineage.rebuildIndex();
        running.set(true);
        state.set("Rebuilding: emptied the index, reading every topic from its beginning…");
    }

    /** Asks Kafka and the index where things stand (off the FX thread); a refresh in flight is not doubled. */
    public void refresh() {
        ClusterLineage current = lineage.lineageProperty().get();
        if (current == null) {
            topics.clear();
            skipped.clear();
            counts.set("");
            running.set(false);
            state.set(lineage.problemProperty().get().isEmpty() ? "Not connected." : lineage.problemProperty().get());
            return;
        }
        if (refreshing) {
            return;
        }
        refreshing = true;
        Background.supply(() -> {
            try {
                return new Standing(current.indexing().status(), current.skipped().stream().limit(SKIPPED_SHOWN).toList());
            } catch (Exception e) {
                throw new IllegalStateException(e.getCause() != null ? e.getCause().getMessage() : e.getMessage(), e);
            }
        }).whenCompleteAsync((standing, failure) -> {
            refreshing = false;
            if (lineage.lineageProperty().get() != current) {
                return;
            }
            if (failure != null) {
                state.set("Kafka did not answer about the indexed topics: " + (failure.getCause() != null ? failure.getCause() : failure).getMessage());
                return;
            }
            show(standing);
        }, ui);
    }

    private record Standing(IndexStatus status, List<SkippedRecord> skipped) {
    }

    private void show(Standing standing) {
        IndexStatus status = standing.status();
        topics.setAll(status.topics());
        skipped.setAll(standing.skipped());
        counts.set(String.format(Locale.ROOT, "%,d events · %,d features · %,d decisions · %,d skipped",
                status.counts().getOrDefault("event", 0L), status.counts().getOrDefault("feature", 0L),
                status.counts().getOrDefault("decision", 0L), status.counts().getOrDefault("skipped", 0L)));
        running.set(status.running());
        if (status.problem() != null) {
            state.set("Stopped: " + status.problem());
        } else if (!status.running()) {
            state.set(String.format(Locale.ROOT, "Stopped · %,d records behind the topics", status.behind()));
        } else {
            showProgress(status.progress());
        }
    }

    private void showProgress(IndexProgress progress) {
        if (progress == null) {
            return;
        }
        running.set(true);
        state.set(String.format(Locale.ROOT, "Indexing · %,.0f records/s · %,d behind%s", progress.recordsPerSecond(), progress.behind(),
                progress.caughtUp() ? " · caught up, following new records" : ""));
    }
}
