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
    INFERRED,
    /** The input was read from, or derives from events on, a topic classified "analytics only". */
    ANALYTICS_ONLY_INPUT,
    /** The record's topic keeps records for less than its required retention: the decision may soon not be replayable. */
    REPLAY_AT_RISK
}
