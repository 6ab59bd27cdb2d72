package io.feedlens.app.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedlens.app.FeedLensVersion;
import io.feedlens.app.browse.FetchedRecord;
import io.feedlens.app.decode.Decoded;
import io.feedlens.app.decode.DecodedHeader;
import io.feedlens.app.decode.DecodedRecord;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.report.AuditReport.Event;
import io.feedlens.app.report.AuditReport.HeaderEntry;
import io.feedlens.app.report.AuditReport.IndexState;
import io.feedlens.app.report.AuditReport.Input;
import io.feedlens.app.report.AuditReport.Payload;
import io.feedlens.app.report.AuditReport.SourceRecord;
import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.extract.LineageProfile;
import io.feedlens.lineage.trace.Trace;
import io.feedlens.lineage.trace.TraceEvent;
import io.feedlens.lineage.trace.TraceInput;

/**
 * Puts a trace, the records fetched for it and the index state together into an {@link AuditReport}. First
 * {@link #sources} says which records to fetch; then {@link #report} uses what the fetch gave for each.
 */
final class ReportAssembly {

    /** A record the report names, why (its role) and under which id; the note says when the index does not hold it. */
    record Wanted(String role, String factId, RecordCoordinates coordinates, String note) {
    }

    private final Trace trace;
    private final LineageProfile profile;
    private final RecordDecoder decoder;

    ReportAssembly(Trace trace, LineageProfile profile, RecordDecoder decoder) {
        this.trace = trace;
        this.profile = profile;
        this.decoder = decoder;
    }

    /**
     * The decision's copies, then each input's and each event's, once each. A missing record whose reference is
     * plain coordinates is still fetched: Kafka may hold it although the index does not.
     */
    Collection<Wanted> sources() {
        Map<RecordCoordinates, Wanted> wanted = new LinkedHashMap<>();
        trace.copies().forEach(at -> wanted.putIfAbsent(at, new Wanted("decision", trace.decisionId(), at, null)));
        for (TraceInput input : trace.inputs()) {
            input.copies().forEach(at -> wanted.putIfAbsent(at, new Wanted("feature", input.featureId(), at, null)));
            if (input.copies().isEmpty()) {
                unindexed(input.reference()).ifPresent(at -> wanted.putIfAbsent(at, new Wanted("feature", input.featureId(), at,
                        "The decision names this record, but the lineage index does not hold it.")));
            }
        }
        for (TraceInput input : trace.inputs()) {
            for (TraceEvent event : input.events()) {
                event.copies().forEach(at -> wanted.putIfAbsent(at, new Wanted("event", event.id(), at, null)));
                if (event.copies().isEmpty()) {
                    unindexed(event.reference()).ifPresent(at -> wanted.putIfAbsent(at, new Wanted("event", event.id(), at,
                            "A feature names this record, but the lineage index does not hold it.")));
                }
            }
        }
        return wanted.values();
    }

    private static java.util.Optional<RecordCoordinates> unindexed(String reference) {
        try {
            return reference == null || reference.startsWith("id:") ? java.util.Optional.empty()
                    : java.util.Optional.of(RecordCoordinates.parse(reference));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty(); // a window (from-to) or a view name: nothing single to fetch
        }
    }

    AuditReport report(String clusterId, String bootstrap, Map<RecordCoordinates, FetchedRecord> fetched, IndexState index, Instant madeAt) {
        List<SourceRecord> records = sources().stream().map(w -> source(w, fetched.get(w.coordinates()))).toList();
        return new AuditReport(AuditReport.FORMAT, AuditReport.FORMAT_VERSION, madeAt, "FeedLens " + FeedLensVersion.current(),
                clusterId, bootstrap, decision(fetched), trace.inputs().stream().map(this::input).toList(), records, index,
                FlagWords.legend().stream().map(AuditReport.Legend::of).toList(), RecordHashes.DEFINITION);
    }

    private AuditReport.Decision decision(Map<RecordCoordinates, FetchedRecord> fetched) {
        FetchedRecord first = trace.copies().isEmpty() ? null : fetched.get(trace.copies().get(0));
        JsonNode output = null;
        String note;
        if (first != null && first.record() != null) {
            output = decoder.decodeValue(first.at().topic(), first.record().value(), first.record().headers()).tree().deepCopy();
            if (output instanceof ObjectNode object) {
                object.remove("used");
            }
            note = "The decision record's value, without its list of used features (shown as the inputs).";
        } else {
            note = first == null ? "The decision has no record coordinates." : "The decision record could not be read again: " + first.problem();
        }
        return new AuditReport.Decision(trace.decisionId(), trace.source(), trace.entity(), trace.decidedAt(), trace.modelId(),
                trace.modelVersion(), texts(trace.copies()), output, note, trace.flags());
    }

    private Input input(TraceInput input) {
        String view = input.feature() == null ? null : input.feature().view();
        Duration ttl = view == null ? null : profile.ttl(view).orElse(null);
        return new Input(input.reference(), input.inferred(), view, input.feature() == null ? null : input.feature().version(),
                input.featureId(), input.entity(), input.value(), input.loggedValue(), input.loggedStatus(), input.masked(), input.asOf(),
                input.freshness(), ttl, texts(input.copies()), input.flags(), input.notes(),
                input.events().stream().map(e -> new Event(e.reference(), e.id(), e.source(), e.entity(), e.time(), e.toFeature(),
                        texts(e.copies()), e.flags(), e.notes())).toList());
    }

    private SourceRecord source(Wanted wanted, FetchedRecord outcome) {
        RecordCoordinates at = wanted.coordinates();
        if (outcome == null || outcome.record() == null) {
            return new SourceRecord(wanted.role(), wanted.factId(), at.toString(), at.topic(), at.partition(), at.offset(), false,
                    outcome == null ? FetchedRecord.Unavailable.NO_ANSWER.name() : outcome.unavailable().name(),
                    outcome == null ? "It was not asked for." : outcome.problem(), null, null, null, null, List.of(), null, wanted.note());
        }
        DecodedRecord decoded = decoder.decode(outcome.record());
        List<HeaderEntry> headers = decoded.headers().stream().map(ReportAssembly::header).toList();
        return new SourceRecord(wanted.role(), wanted.factId(), at.toString(), at.topic(), at.partition(), at.offset(), true, null, null,
                Instant.ofEpochMilli(decoded.timestamp()), decoded.timestampType(), payload(decoded.key()), payload(decoded.value()),
                headers, RecordHashes.of(outcome.record()), wanted.note());
    }

    private static HeaderEntry header(DecodedHeader header) {
        return new HeaderEntry(header.key(), header.text(), header.printable());
    }

    private static Payload payload(Decoded decoded) {
        return new Payload(decoded.format().label(), decoded.schema() == null ? null : decoded.schema().toString(), decoded.tree(),
                decoded.problem(), decoded.size());
    }

    private static List<String> texts(List<RecordCoordinates> coordinates) {
        List<String> texts = new ArrayList<>();
        coordinates.forEach(c -> texts.add(c.toString()));
        return texts;
    }
}
