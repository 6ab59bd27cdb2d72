package io.feedlens.views.messages;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.feedlens.app.Background;
import io.feedlens.app.browse.RecordFetch;
import io.feedlens.app.decode.DecodedRecord;
import io.feedlens.app.export.RecordJson;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The selected record in full: coordinates, time, decoded key and value pretty-printed, format, schema, problem,
 * headers, and the raw value as hex. Raw bytes are read again from Kafka by coordinates on a worker thread, since the
 * table keeps decoded records only; values over 1 MB show a preview until {@link #loadFullValue()}.
 */
public final class RecordDetailViewModel {

    private final Supplier<MessageSource> source;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<DecodedRecord> record = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper coordinates = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper timestamp = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper keyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper valueText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper format = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rawHex = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper largeValue = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<HeaderRow> headers = FXCollections.observableArrayList();
    private ZoneId zone = ZoneId.systemDefault();
    private volatile byte[] rawValue;

    public RecordDetailViewModel(Supplier<MessageSource> source, Executor ui) {
        this.source = source;
        this.ui = ui;
    }

    // Properties

    public ReadOnlyObjectProperty<DecodedRecord> recordProperty() { return record.getReadOnlyProperty(); }
    /** topic/partition@offset, the form people paste into tickets. */
    public ReadOnlyStringProperty coordinatesProperty() { return coordinates.getReadOnlyProperty(); }
    public ReadOnlyStringProperty timestampProperty() { return timestamp.getReadOnlyProperty(); }
    public ReadOnlyStringProperty keyTextProperty() { return keyText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty valueTextProperty() { return valueText.getReadOnlyProperty(); }
    /** Formats and schemas of key and value. */
    public ReadOnlyStringProperty formatProperty() { return format.getReadOnlyProperty(); }
    /** Why the key or value did not decode; empty when both did. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty rawHexProperty() { return rawHex.getReadOnlyProperty(); }
    /** Whether the value is over 1 MB and shows a preview. */
    public ReadOnlyBooleanProperty largeValueProperty() { return largeValue.getReadOnlyProperty(); }
    public ObservableList<HeaderRow> headers() { return FXCollections.unmodifiableObservableList(headers); }

    /** The whole record as the one JSON shape FeedLens exports, for "Copy value JSON". */
    public String recordJson() {
        DecodedRecord shown = record.get();
        return shown == null ? "" : RecordJson.of(shown).toPrettyString();
    }

    // Commands

    /** Shows this record (null: nothing); raw bytes follow when Kafka answers. */
    public void show(DecodedRecord selected) {
        record.set(selected);
        rawValue = null;
        headers.clear();
        if (selected == null) {
            for (ReadOnlyStringWrapper text : new ReadOnlyStringWrapper[] {coordinates, timestamp, keyText, valueText, format, problem, rawHex}) {
                text.set("");
            }
            largeValue.set(false);
            return;
        }
        coordinates.set(RecordText.coordinates(selected));
        timestamp.set(RecordText.time(selected.timestamp(), zone) + "  ·  " + Instant.ofEpochMilli(selected.timestamp())
                + "  ·  " + selected.timestampType());
        keyText.set(RecordText.pretty(selected.key()));
        valueText.set(RecordText.pretty(selected.value()));
        format.set(formats(selected));
        problem.set(problems(selected));
        largeValue.set(RecordText.isLarge(selected.value()));
        selected.headers().forEach(h -> headers.add(new HeaderRow(h.key(), h.text(), h.printable())));
        fetchRaw(selected);
    }

    /** Shows the whole of a large value (formatting a large value takes a while, so off the FX thread). */
    public void loadFullValue() {
        DecodedRecord shown = record.get();
        if (shown == null) {
            return;
        }
        valueText.set("Loading the full value…");
        Background.supply(() -> fullValue(shown)).thenAcceptAsync(text -> {
            if (record.get() == shown) {
                valueText.set(text);
                largeValue.set(false);
            }
        }, ui);
    }

    private String fullValue(DecodedRecord shown) {
        byte[] raw = rawValue;
        // A value beyond the decoder's limit was decoded only in part: its bytes are the whole.
        if (!shown.value().ok() && raw != null) {
            return new String(raw, StandardCharsets.UTF_8);
        }
        return RecordText.prettyInFull(shown.value());
    }

    private void fetchRaw(DecodedRecord selected) {
        MessageSource from = source.get();
        if (from == null) {
            rawHex.set("Not connected: raw bytes cannot be read.");
            return;
        }
        if (from.decoder().masks(selected.coordinates().topic())) {
            rawHex.set("Hidden: masking rules apply to this topic, and its raw bytes hold the masked values.");
            return;
        }
        rawHex.set("Reading the raw bytes from Kafka…");
        Background.supply(() -> RecordFetch.at(from.clientConfig(), selected.coordinates()))
                .exceptionally(failure -> Optional.empty())
                .thenAcceptAsync(found -> rawArrived(selected, found), ui);
    }

    private void rawArrived(DecodedRecord selected, Optional<ConsumerRecord<byte[], byte[]>> found) {
        if (record.get() != selected) {
            return;
        }
        if (found.isEmpty()) {
            rawHex.set("The record is no longer in Kafka (retention or compaction removed it), or Kafka did not answer.");
            return;
        }
        rawValue = found.get().value();
        rawHex.set(RecordText.hexDump(rawValue));
    }

    private static String formats(DecodedRecord record) {
        String value = "value: " + record.value().format().label()
                + (record.value().schema() == null ? "" : " (" + record.value().schema() + ")");
        String key = "key: " + record.key().format().label()
                + (record.key().schema() == null ? "" : " (" + record.key().schema() + ")");
        return value + "  ·  " + key + "  ·  " + RecordText.size(record.key().size() + record.value().size());
    }

    private static String problems(DecodedRecord record) {
        String value = record.value().problem() == null ? "" : "Value: " + record.value().problem();
        String key = record.key().problem() == null ? "" : "Key: " + record.key().problem();
        return (value + (value.isEmpty() || key.isEmpty() ? "" : "\n") + key);
    }
}
