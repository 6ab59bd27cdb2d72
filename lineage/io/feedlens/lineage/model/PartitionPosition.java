package io.feedlens.lineage.model;

/**
 * How far the index has read one partition: the next offset to read.
 *
 * @param expected where the writer believes the index stood before this batch: the stored next offset, {@link #NONE}
 *                 when the index holds no position for the partition yet, or {@link #UNCHECKED}. The store writes the
 *                 new position only if the stored one is still the expected one, so an indexer whose partition moved to
 *                 another member of its group while it was reading cannot write the same records a second time.
 */
public record PartitionPosition(String topic, int partition, long nextOffset, long expected) {

    /** The index has no position for this partition yet. */
    public static final long NONE = -1;
    /** No check: the position is overwritten (tests, and writers that own the whole index). */
    public static final long UNCHECKED = Long.MIN_VALUE;

    public PartitionPosition(String topic, int partition, long nextOffset) {
        this(topic, partition, nextOffset, UNCHECKED);
    }
}
