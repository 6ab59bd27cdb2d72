package io.feedlens.views.schemas;

import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.feedlens.app.decode.drift.DriftReport;
import io.feedlens.app.decode.drift.SchemaChange;
import io.feedlens.app.decode.drift.SchemaDrift;
import io.feedlens.app.decode.drift.SchemaSighting;
import io.feedlens.app.scan.ScanHandle;
import io.feedlens.app.scan.ScanRequest;
import io.feedlens.app.scan.TopicScan;
import io.feedlens.app.search.RecordFilter;
import io.feedlens.views.messages.MessageSource;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The schema drift timeline of the selected topic: every schema its values carried, in order, and how each change fits.
 * Reading a topic to its end can take a while, so it runs when asked for, can be stopped, and leaves the FX thread alone.
 */
public final class SchemaHistoryViewModel {

    private final Supplier<MessageSource> source;
    private final Executor ui;
    private final StringProperty topic = new SimpleStringProperty();
    private final ObservableList<SchemaSighting> schemas = FXCollections.observableArrayList();
    private final ObservableList<SchemaChange> changes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Read the topic to see the schemas its values carried.");
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(false);
    private ScanHandle scan;

    public SchemaHistoryViewModel(Supplier<MessageSource> source, Executor ui) {
        this.source = source;
        this.ui = ui;
        topic.addListener((o, before, now) -> clear());
    }

    public StringProperty topicProperty() {
        return topic;
    }

    public ObservableList<SchemaSighting> schemas() {
        return schemas;
    }

    public ObservableList<SchemaChange> changes() {
        return changes;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /** Reads the topic from its earliest record to its end now, following every value's schema. */
    public void read() {
        MessageSource from = source.get();
        String name = topic.get();
        if (from == null || name == null) {
            status.set(from == null ? "Connect to a cluster first." : "Select a topic first.");
            return;
        }
        stop();
        clear();
        SchemaDrift drift = new SchemaDrift(name, false, from.decoder()::schemaFor);
        reading.set(true);
        status.set("Reading " + name + "…");
        // Drift shows field names and types, never values: read unmasked, so a hidden field keeps its real type.
        ScanHandle started = TopicScan.start(from.clientConfig(), from.decoder().unmasked(), ScanRequest.wholeTopic(name, RecordFilter.all()),
                batch -> {
                    synchronized (drift) {
                        batch.forEach(r -> drift.observe(r.coordinates(), Instant.ofEpochMilli(r.timestamp()), r.value()));
                    }
                });
        scan = started;
        started.completion().thenAcceptAsync(summary -> {
            if (scan != started) {
                return;
            }
            DriftReport report;
            synchronized (drift) {
                report = drift.report();
            }
            show(report, summary.problem(), summary.cancelled());
        }, ui);
    }

    public void stop() {
        if (scan != null) {
            scan.cancel();
        }
    }

    private void show(DriftReport report, String problem, boolean cancelled) {
        reading.set(false);
        schemas.setAll(report.schemas());
        changes.setAll(report.changes());
        String summary = String.format("%,d records, %d schema%s, %,d did not decode", report.records(), report.schemas().size(),
                report.schemas().size() == 1 ? "" : "s", report.undecoded());
        status.set(problem != null ? summary + " — stopped: " + problem : cancelled ? summary + " — stopped before the end" : summary);
    }

    private void clear() {
        stop();
        scan = null;
        reading.set(false);
        schemas.clear();
        changes.clear();
        status.set("Read the topic to see the schemas its values carried.");
    }

    /** A change in one line: "#1 → #2 backward compatible: added max_amount (null|double)". */
    public static String describe(SchemaChange change) {
        return "#" + change.from() + " → #" + change.to() + "  "
                + (change.backwardCompatible() ? "backward compatible" : "NOT backward compatible")
                + (change.details().isEmpty() ? "" : ": " + String.join("; ", change.details()));
    }
}
