package io.feedlens.app.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedlens.app.browse.FetchedRecord;
import io.feedlens.app.browse.RecordBatchFetch;
import io.feedlens.app.cluster.ClusterSession;
import io.feedlens.app.report.RecordCheck.Outcome;
import io.feedlens.lineage.RecordCoordinates;

/**
 * Checks an audit report against the cluster now: reads every record the report hashed again by its coordinates and
 * compares its SHA-256 digests of key, value and headers (as {@link RecordHashes} defines them). Says per record
 * whether it is the same, which parts changed, or that it has left retention or cannot be read. Reads the JSON as a
 * tree, so a report from a later FeedLens with extra fields still verifies. Slow (Kafka): call off the FX thread.
 */
public final class ReportVerifier {

    private ReportVerifier() {
    }

    /** Verifies the report file; a file that is not a report throws {@link IllegalArgumentException} with one line. */
    public static Verification verify(ClusterSession session, Path reportFile) {
        return verify(session, JsonReport.read(reportFile));
    }

    /** Verifies a report already read with {@link JsonReport#read}. */
    public static Verification verify(ClusterSession session, JsonNode report) {
        String clusterId = session.overview().join().clusterId();
        String reportCluster = report.path("clusterId").asText(null);
        if (reportCluster != null && !reportCluster.equals(clusterId)) {
            return new Verification(reportCluster, clusterId, List.of());
        }
        Map<RecordCoordinates, JsonNode> hashed = new LinkedHashMap<>();
        List<RecordCheck> checks = new ArrayList<>();
        for (JsonNode record : report.path("records")) {
            RecordCoordinates at = coordinates(record);
            if (record.path("sha256").isObject()) {
                hashed.putIfAbsent(at, record);
            } else {
                checks.add(new RecordCheck(at.toString(), record.path("role").asText(), record.path("factId").asText(null), Outcome.NOT_HASHED,
                        List.of(), "Not checked: it could not be read when the report was made ("
                        + record.path("unavailable").asText("no reason given") + ")"));
            }
        }
        Map<RecordCoordinates, FetchedRecord> now = RecordBatchFetch.fetch(session.profile().clientConfig(), hashed.keySet());
        List<RecordCheck> compared = new ArrayList<>();
        hashed.forEach((at, record) -> compared.add(check(at, record, now.get(at))));
        compared.addAll(checks);
        return new Verification(reportCluster, clusterId, compared);
    }

    private static RecordCheck check(RecordCoordinates at, JsonNode record, FetchedRecord now) {
        String role = record.path("role").asText();
        String factId = record.path("factId").asText(null);
        if (now.record() == null) {
            Outcome outcome = now.unavailable() == FetchedRecord.Unavailable.LEFT_RETENTION ? Outcome.LEFT_RETENTION : Outcome.UNAVAILABLE;
            return new RecordCheck(at.toString(), role, factId, outcome, List.of(), now.problem());
        }
        JsonNode stored = record.path("sha256");
        RecordHashes then = new RecordHashes(text(stored, "key"), text(stored, "value"), text(stored, "headers"));
        List<String> changed = then.differences(RecordHashes.of(now.record()));
        return changed.isEmpty()
                ? new RecordCheck(at.toString(), role, factId, Outcome.SAME, changed, "The same key, value and headers.")
                : new RecordCheck(at.toString(), role, factId, Outcome.CHANGED, changed,
                        "Differs from the report in its " + String.join(", ", changed) + ".");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.textValue() : null;
    }

    private static RecordCoordinates coordinates(JsonNode record) {
        try {
            return RecordCoordinates.parse(record.path("coordinates").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The report holds a record without valid coordinates: " + e.getMessage());
        }
    }
}
