package io.feedlens.lineage.model;

import java.time.Instant;

import io.feedlens.lineage.FeatureStatus;
import io.feedlens.lineage.RecordCoordinates;

/**
 * One entry of a decision's {@code used} list: the decision asserts that it read this feature record (W3C PROV's
 * {@code used}). Names the record by {@code feature_id} or by coordinates ({@code ref}); the rest is what the model
 * logged, which a trace compares with the record itself.
 */
public record Used(String featureView, Integer version, String featureId, RecordCoordinates ref, Double loggedValue,
                   Instant asOf, FeatureStatus status) {

    public Used {
        if (featureId == null && ref == null) {
            throw new IllegalArgumentException("A used entry names its feature by feature_id or ref");
        }
    }

    /** How a person would name the feature record this entry points at. */
    public String target() {
        return featureId != null ? featureId : ref.toString();
    }
}
