package io.feedlens.lineage.model;

/** What one record is in a feature feed (LINEAGE.md, "Three roles of records"). */
public enum Role {
    /** A raw fact: a payment attempt, a click. */
    EVENT,
    /** One computed value of one feature view version for one entity, as of a time. */
    FEATURE,
    /** One model output, ideally with the feature values it used. */
    DECISION
}
