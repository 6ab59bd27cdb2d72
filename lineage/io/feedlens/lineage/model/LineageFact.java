package io.feedlens.lineage.model;

import java.time.Instant;
import java.util.Objects;

import io.feedlens.lineage.RecordCoordinates;

/**
 * What the index keeps of one record: where it is, what it is, and the few fields that link it. Not the payload,
 * which stays in Kafka. Two records with the same {@code source} and {@code id} are copies of one fact.
 *
 * @param time         event time, a feature value's as-of time, or the decision time ({@code ce_time})
 * @param feature      the feature view version, for features only
 * @param value        a feature record's value, so a trace can compare it with the value a decision logged
 * @param contentHash  first 8 bytes of the SHA-256 of the value bytes, for reviewers to check a fetched payload
 */
public record LineageFact(Role role, RecordCoordinates coordinates, String source, String id, String entity, Instant time,
                          FeatureVersion feature, String modelId, String modelVersion, Double value, long contentHash) {

    public LineageFact {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(coordinates, "coordinates");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        source = source == null ? "" : source;
    }
}
