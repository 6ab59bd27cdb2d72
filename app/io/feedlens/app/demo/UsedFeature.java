package io.feedlens.app.demo;

import java.time.Instant;

import io.feedlens.lineage.FeatureStatus;

/** One entry of a decision's {@code used} list: what the model logged about a feature it read. */
public record UsedFeature(FeatureView view, int version, String featureId, double value, Instant asOf, FeatureStatus status) {

    /** The entry a model logs for a value as it read it, with the status it judged by the view's TTL. */
    public static UsedFeature readAt(FeatureValue feature, Instant decidedAt) {
        FeatureStatus status = feature.isStaleAt(decidedAt) ? FeatureStatus.OUTSIDE_MAX_AGE : FeatureStatus.PRESENT;
        return new UsedFeature(feature.view(), feature.version(), feature.featureId(), feature.value(), feature.asOf(), status);
    }

    /** The same entry with another logged value: what a model logs when it read the value from somewhere else. */
    public UsedFeature withValue(double loggedValue) {
        return new UsedFeature(view, version, featureId, loggedValue, asOf, status);
    }

    public UsedFeature withStatus(FeatureStatus loggedStatus) {
        return new UsedFeature(view, version, featureId, value, asOf, loggedStatus);
    }
}
