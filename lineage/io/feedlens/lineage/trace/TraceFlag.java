package io.feedlens.lineage.trace;

/** What a trace warns about, as LINEAGE.md names it. */
public enum TraceFlag {
    /** The feature was older than its view's TTL at decision time. */
    STALE,
    /** The logged value differs from the feature record's, or the as-of join would have picked another record. */
    MISMATCH,
    /** A referenced record was never indexed. */
    MISSING,
    /** A record's offset is below its partition's current earliest offset: it has left Kafka's retention. */
    NOT_REPLAYABLE,
    /** A person marked this feature view version as wrong. */
    FLAGGED_VERSION,
    /** The link comes from the as-of join, not from the decision's own used list. */
    INFERRED
}
