package io.feedlens.views.trace;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

import io.feedlens.app.Background;
import io.feedlens.app.browse.FetchedRecord;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.lineage.ClusterLineage;
import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.model.FeatureVersion;
import io.feedlens.lineage.trace.Trace;
import io.feedlens.views.messages.RecordDetailViewModel;
import io.feedlens.views.shell.ActiveLineage;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The Trace screen's state: the decision id typed, the trace found in the index, the records behind it fetched from
 * Kafka in one go (so a click on a box shows its record at once, or why it can't), the selected box, recent traces.
 * Free of controls, so it is tested without a window.
 */
public final class TraceViewModel {

    static final int RECENT_KEPT = 12;
    private static final int COMPLETIONS = 12;

    private final ActiveLineage lineage;
    private final Executor ui;
    private final java.util.function.Supplier<RecordDecoder> decoder;
    private final StringProperty decisionId = new SimpleStringProperty("");
    /** A decision opened from a list that shows its id masked: the id field shows the mask, Enter must still find it. */
    private PickedMasked pickedMasked;

    private record PickedMasked(String id, String shownAs) {
    }
    private final ReadOnlyObjectWrapper<Trace> trace = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Map<RecordCoordinates, FetchedRecord>> fetched = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Type a decision id and press Enter.");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<TraceGraph.Box> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper selectedProblem = new ReadOnlyStringWrapper("");
    private final ObservableList<String> recent = FXCollections.observableArrayList();
    private final ObservableSet<Integer> expanded = FXCollections.observableSet(new HashSet<>());
    private final RecordDetailViewModel recordDetail;
    private long tracing;
    /** The id of the decision shown, as asked for: {@link Trace#decisionId()} may be masked. */
    private String tracedId;
    private volatile long tracedInMillis = -1;

    public TraceViewModel(ActiveLineage lineage, java.util.function.Supplier<RecordDecoder> decoder, RecordDetailViewModel recordDetail, Executor ui) {
        this.lineage = lineage;
        this.decoder = decoder;
        this.recordDetail = recordDetail;
        this.ui = ui;
    }

    // Properties

    public StringProperty decisionIdProperty() { return decisionId; }
    public ReadOnlyObjectProperty<Trace> traceProperty() { return trace.getReadOnlyProperty(); }
    /** The records behind the trace, as Kafka answered for each. */
    public ReadOnlyObjectProperty<Map<RecordCoordinates, FetchedRecord>> fetchedProperty() { return fetched.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<TraceGraph.Box> selectedProperty() { return selected.getReadOnlyProperty(); }
    /** Why the selected box's record can't be shown; empty when it can. */
    public ReadOnlyStringProperty selectedProblemProperty() { return selectedProblem.getReadOnlyProperty(); }
    /** Decisions traced in this window, the latest first. */
    public ObservableList<String> recent() { return recent; }
    /** Inputs whose source events are shown one by one rather than as a count. */
    ObservableSet<Integer> expanded() { return expanded; }
    public RecordDetailViewModel recordDetail() { return recordDetail; }
    /** Milliseconds from the request to the trace and its records being ready to draw; -1 before the first. */
    public long tracedInMillis() { return tracedInMillis; }

    /** A feature view's TTL from the cluster's lineage profile, for the timeline's marks. */
    Optional<Duration> ttl(String view) {
        ClusterLineage current = lineage.lineageProperty().get();
        return current == null ? Optional.empty() : current.profile().ttl(view);
    }

    // Commands

    /** Enter in the id field: the field's text, or again the decision last picked masked while its mask still stands there. */
    public void trace() {
        String typed = decisionId.get();
        if (pickedMasked != null && typed.equals(pickedMasked.shownAs())) {
            trace(pickedMasked.id(), pickedMasked.shownAs());
        } else {
            trace(typed);
        }
    }

    /** Traces a decision from the index and fetches the records it shows from Kafka. */
    public void trace(String id) {
        trace(id, null);
    }

    /**
     * As {@link #trace(String)}, for a decision picked from a list that shows its id masked ({@code shownAs}, null when
     * it is not): the id field and the messages show it as the list did, and it is not added to the recent ones.
     */
    public void trace(String id, String shownAs) {
        String wanted = id == null ? "" : id.strip();
        String said = shownAs == null ? wanted : shownAs;
        pickedMasked = shownAs == null ? null : new PickedMasked(wanted, shownAs);
        decisionId.set(said);
        if (wanted.isEmpty()) {
            message.set("Type a decision id and press Enter.");
            return;
        }
        ClusterLineage current = lineage.lineageProperty().get();
        if (current == null) {
            message.set("Connect to a cluster first: traces come from its lineage index.");
            return;
        }
        long attempt = ++tracing;
        long started = System.nanoTime();
        busy.set(true);
        message.set("Tracing " + said + "…");
        Background.supply(() -> current.trace(wanted).map(found -> new Traced(wanted, shownAs == null, found,
                        current.fetch(TraceGraph.recordsShown(found)))))
                .whenCompleteAsync((traced, failure) -> {
                    if (attempt != tracing) {
                        return;
                    }
                    busy.set(false);
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        message.set("The trace failed: " + cause.getMessage());
                    } else if (traced.isEmpty()) {
                        message.set("No decision " + said + " in this cluster's lineage index."
                                + (current.indexing().isRunning() ? " The indexer is running: it may not have reached it yet." : " Start the indexer on the Index screen."));
                    } else {
                        show(traced.get(), started);
                    }
                }, ui);
    }

    /** @param id the id asked for: the trace shows it masked when a rule hides decision ids; {@code typed} when a person typed it */
    private record Traced(String id, boolean typed, Trace trace, Map<RecordCoordinates, FetchedRecord> records) {
    }

    private void show(Traced traced, long started) {
        expanded.clear();
        selected.set(null);
        selectedProblem.set("");
        recordDetail.show(null);
        fetched.set(traced.records());
        // Traced again, a decision's trace is an equal record: clear first so the boxes are drawn from the new fetch.
        trace.set(null);
        trace.set(traced.trace());
        tracedInMillis = (System.nanoTime() - started) / 1_000_000;
        tracedId = traced.id();
        // The id a person typed (they have it); one picked from a masked list stays out, or the list would show it plain.
        if (traced.typed()) {
            recent.remove(traced.id());
            recent.add(0, traced.id());
            if (recent.size() > RECENT_KEPT) {
                recent.remove(RECENT_KEPT, recent.size());
            }
        }
        long unavailable = traced.records().values().stream().filter(r -> r.problem() != null).count();
        int inputs = traced.trace().inputs().size();
        int events = traced.trace().inputs().stream().mapToInt(i -> i.events().size()).sum();
        message.set(String.format("Traced in %d ms · %d input%s · %d source event%s%s%s", tracedInMillis, inputs, inputs == 1 ? "" : "s",
                events, events == 1 ? "" : "s", unavailable == 0 ? "" : " · " + unavailable + " records no longer readable in Kafka",
                catchingUp(traced.trace())));
    }

    /** While the indexer is behind, a "missing" record may only not be read yet: say so rather than let it look lost. */
    private String catchingUp(Trace shown) {
        ClusterLineage current = lineage.lineageProperty().get();
        boolean missing = shown.flags().contains(io.feedlens.lineage.trace.TraceFlag.MISSING);
        var progress = current == null ? null : current.indexing().lastProgress();
        if (!missing || progress == null || progress.behind() == 0) {
            return "";
        }
        return String.format(" · the index is %,d records behind the topics: missing records may only not be indexed yet", progress.behind());
    }

    /** Completions for a typed prefix; called off the FX thread by the completion popup. */
    public List<String> completions(String prefix) {
        ClusterLineage current = lineage.lineageProperty().get();
        if (current == null || prefix == null || prefix.isBlank()) {
            return List.of();
        }
        return current.decisionIdsStartingWith(prefix.strip(), COMPLETIONS);
    }

    /** Shows the record behind a box in the record detail, or says why it can't; a count box expands instead. */
    public void select(TraceGraph.Box box) {
        if (box.kind() == TraceGraph.Kind.EVENTS_COLLAPSED) {
            expanded.add(box.input());
            return;
        }
        selected.set(box);
        Optional<RecordCoordinates> at = TraceBoxes.coordinates(trace.get(), box);
        if (at.isEmpty()) {
            selectedProblem.set("This record was never indexed, so FeedLens does not know where it is in Kafka.");
            recordDetail.show(null);
            return;
        }
        FetchedRecord record = fetched.get().get(at.get());
        if (record == null || record.problem() != null) {
            selectedProblem.set(at.get() + ": " + (record == null ? "not fetched." : record.problem()));
            recordDetail.show(null);
            return;
        }
        selectedProblem.set("");
        recordDetail.show(decoder.get().decode(record.record()));
    }

    /** The feature version of the selected box, for "Who else used this version?"; empty for events and the decision. */
    public Optional<FeatureVersion> selectedVersion() {
        TraceGraph.Box box = selected.get();
        if (box == null || box.kind() != TraceGraph.Kind.FEATURE || trace.get() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(trace.get().inputs().get(box.input()).feature());
    }

    /**
     * Writes the shown decision's audit report (HTML and JSON) into {@code folder}: every record read again from Kafka
     * and hashed, so a reviewer can check it later with {@code feedlens verify}. Completes with the files.
     */
    public java.util.concurrent.CompletableFuture<io.feedlens.app.report.ReportFiles> exportReport(java.nio.file.Path folder) {
        ClusterLineage current = lineage.lineageProperty().get();
        Trace shown = trace.get();
        if (current == null || shown == null) {
            return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("Trace a decision first."));
        }
        message.set("Writing the audit report of " + shown.decisionId() + "…");
        String id = tracedId;
        return Background.supply(() -> io.feedlens.app.report.AuditReports.write(current, id, folder)
                        .orElseThrow(() -> new IllegalStateException("The decision " + shown.decisionId() + " is no longer in the index.")))
                .whenCompleteAsync((files, failure) -> message.set(failure == null
                        ? "Audit report saved: " + files.html() + " (and " + files.json().getFileName() + ")"
                        : "The audit report could not be written: " + (failure.getCause() != null ? failure.getCause() : failure).getMessage()), ui);
    }

    public void collapse(int input) {
        expanded.remove(input);
    }
}
