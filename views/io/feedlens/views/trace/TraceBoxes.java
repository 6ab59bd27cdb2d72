package io.feedlens.views.trace;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedlens.app.browse.FetchedRecord;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.lineage.TraceText;
import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.trace.Trace;
import io.feedlens.lineage.trace.TraceEvent;
import io.feedlens.lineage.trace.TraceFlag;
import io.feedlens.lineage.trace.TraceInput;

/** What each box of a trace says, in the words of the screen; pure functions of the trace, tested without a window. */
final class TraceBoxes {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private TraceBoxes() {
    }

    /** The box's own record, where the index knows it. */
    static Optional<RecordCoordinates> coordinates(Trace trace, TraceGraph.Box box) {
        List<RecordCoordinates> copies = switch (box.kind()) {
            case DECISION -> trace.copies();
            case FEATURE -> trace.inputs().get(box.input()).copies();
            case EVENT -> trace.inputs().get(box.input()).events().get(box.event()).copies();
            case EVENTS_COLLAPSED -> List.of();
        };
        return copies.stream().findFirst();
    }

    /** The kind line at the top of a box. */
    static String kind(Trace trace, TraceGraph.Box box) {
        switch (box.kind()) {
            case DECISION:
                return "DECISION · " + trace.modelId() + " " + trace.modelVersion();
            case FEATURE:
                TraceInput input = trace.inputs().get(box.input());
                return "FEATURE · " + (input.feature() == null ? input.reference() : input.feature().toString());
            case EVENTS_COLLAPSED:
                return "SOURCE EVENTS";
            default:
                return "EVENT · " + nullToDash(trace.inputs().get(box.input()).events().get(box.event()).source());
        }
    }

    /** The id line. */
    static String id(Trace trace, TraceGraph.Box box) {
        switch (box.kind()) {
            case DECISION:
                return trace.decisionId();
            case FEATURE:
                TraceInput input = trace.inputs().get(box.input());
                return input.featureId() != null ? input.featureId() : input.reference();
            case EVENTS_COLLAPSED:
                return box.hidden() + " events ▸ click to show";
            default:
                TraceEvent event = trace.inputs().get(box.input()).events().get(box.event());
                return event.id() != null ? event.id() : event.reference();
        }
    }

    /** Coordinates and time, the forms people paste into tickets. */
    static String where(Trace trace, TraceGraph.Box box, ZoneId zone) {
        String at = coordinates(trace, box).map(RecordCoordinates::toString).orElse("not in the index");
        Instant time = switch (box.kind()) {
            case DECISION -> trace.decidedAt();
            case FEATURE -> trace.inputs().get(box.input()).asOf();
            case EVENT -> trace.inputs().get(box.input()).events().get(box.event()).time();
            case EVENTS_COLLAPSED -> null;
        };
        if (box.kind() == TraceGraph.Kind.EVENTS_COLLAPSED) {
            return "the source events this feature was computed from";
        }
        return at + (time == null ? "" : "\n" + (box.kind() == TraceGraph.Kind.FEATURE ? "as of " : "") + TIME.format(time.atZone(zone)));
    }

    /** The detail line: a feature's value and freshness, the decision's output, an event's lead on its feature. */
    static String detail(Trace trace, TraceGraph.Box box, FetchedRecord decisionRecord, RecordDecoder decoder) {
        switch (box.kind()) {
            case DECISION:
                return "entity " + nullToDash(trace.entity()) + output(decisionRecord, decoder);
            case FEATURE:
                TraceInput input = trace.inputs().get(box.input());
                String value = input.valueText() == null ? "no value" : "value " + input.valueText();
                String logged = input.loggedValueText() == null || input.loggedValueText().equals(input.valueText()) ? ""
                        : " (logged " + input.loggedValueText() + ")";
                String age = input.freshness() == null ? "" : " · " + TraceText.age(input.freshness()) + " old";
                return value + logged + age + (input.inferred() ? " · inferred" : " · asserted");
            case EVENTS_COLLAPSED:
                return "";
            default:
                TraceEvent event = trace.inputs().get(box.input()).events().get(box.event());
                return event.toFeature() == null ? "" : TraceText.age(event.toFeature()) + " before the feature";
        }
    }

    /** The flags shown on a box; a count box carries its hidden events' flags so nothing hides behind it. */
    static Set<TraceFlag> flags(Trace trace, TraceGraph.Box box) {
        Set<TraceFlag> flags = EnumSet.noneOf(TraceFlag.class);
        switch (box.kind()) {
            case DECISION:
                break;
            case FEATURE:
                flags.addAll(trace.inputs().get(box.input()).flags());
                break;
            case EVENTS_COLLAPSED:
                trace.inputs().get(box.input()).events().forEach(e -> flags.addAll(e.flags()));
                break;
            default:
                flags.addAll(trace.inputs().get(box.input()).events().get(box.event()).flags());
        }
        return flags;
    }

    /** The model's output as the decision record holds it (score, outcome), when Kafka still has the record. */
    private static String output(FetchedRecord decisionRecord, RecordDecoder decoder) {
        if (decisionRecord == null || decisionRecord.record() == null || decoder == null) {
            return "";
        }
        JsonNode value = decoder.decode(decisionRecord.record()).value().tree();
        if (value == null || !value.isObject()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (String field : List.of("score", "outcome", "result", "output")) {
            if (value.hasNonNull(field)) {
                text.append(" · ").append(field).append(' ').append(value.get(field).asText());
            }
        }
        return text.toString();
    }

    private static String nullToDash(String text) {
        return text == null ? "—" : text;
    }
}
