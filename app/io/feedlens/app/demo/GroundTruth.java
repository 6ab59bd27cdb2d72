package io.feedlens.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * What a seeded feed really wrote, for checking a lineage index against: every event, feature and decision with its
 * coordinates and true links, the hard cases planted in the feed, and how many records went to each topic.
 * Coordinates are {@code topic/partition@offset} text so the JSON file stays plain.
 *
 * @param recordsWritten records per topic, including duplicates and invalid records
 */
public record GroundTruth(long seed, int decisionCount, Instant start, String topicPrefix, List<Event> events,
                          List<Feature> features, List<Decision> decisions, List<HardCase> hardCases,
                          Map<String, Integer> recordsWritten) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** A valid payment; {@code coordinates} has two entries when a retry wrote it twice. */
    public record Event(String id, String entity, Instant eventTime, List<String> coordinates) {
    }

    /** A valid feature record and the {@code ce_id}s of the payments it was computed from. */
    public record Feature(String id, String featureView, int version, String entity, Instant asOf, double value,
                          String schemaFingerprint, String coordinates, List<String> derivedFrom) {
    }

    /**
     * A decision and the feature records it really used, whether or not it logged them.
     *
     * @param staleFeatureIds      used features older than their view's TTL at decision time, whatever the model logged
     * @param mismatchedFeatureIds used features whose logged value differs from their record's value
     */
    public record Decision(String id, Instant decidedAt, String entity, String coordinates, boolean hasUsedList,
                           List<String> usedFeatureIds, List<String> staleFeatureIds, List<String> mismatchedFeatureIds) {
    }

    /** One planted difficulty, the ids of the records involved and, where it matters, their coordinates. */
    public record HardCase(Kind kind, List<String> ids, List<String> coordinates, String note) {
    }

    public enum Kind {
        DUPLICATE_EVENT,
        LATE_EVENT,
        VERSION_ROLLOUT,
        VERSION_ROLLBACK,
        DECISION_WITHOUT_USED,
        LOGGED_VALUE_MISMATCH,
        STALE_FEATURE,
        SCHEMA_CHANGE,
        INVALID_PAYMENT,
        INVALID_FEATURE
    }

    public List<HardCase> hardCases(Kind kind) {
        return hardCases.stream().filter(c -> c.kind() == kind).toList();
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writeTo(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    public static GroundTruth readFrom(Path file) throws IOException {
        return JSON.readValue(file.toFile(), GroundTruth.class);
    }

    public static GroundTruth fromJson(String json) throws IOException {
        return JSON.readValue(json, GroundTruth.class);
    }
}
