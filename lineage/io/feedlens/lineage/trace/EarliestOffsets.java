package io.feedlens.lineage.trace;

/** A partition's current earliest offset, asked of Kafka by the app; the tracer uses it to tell what can be replayed. */
@FunctionalInterface
public interface EarliestOffsets {

    long earliest(String topic, int partition);

    /** When Kafka is not asked: everything counts as replayable. */
    static EarliestOffsets unknown() {
        return (topic, partition) -> 0L;
    }
}
