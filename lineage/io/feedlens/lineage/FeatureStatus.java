package io.feedlens.lineage;

/** How a decision found a feature value when it read it: Feast's field-status names, as LINEAGE.md's {@code used} list logs them. */
public enum FeatureStatus {
    PRESENT,
    NULL_VALUE,
    NOT_FOUND,
    OUTSIDE_MAX_AGE
}
