package io.feedlens.lineage.store;

import io.feedlens.lineage.RecordCoordinates;

/**
 * A record's key: its coordinates packed into one positive long, 15 bits of topic id, 12 of partition, 36 of offset.
 * Keys are deterministic (a record re-read gets the same key, so a duplicate write fails loudly instead of doubling),
 * ordered within a partition (inserts append to the primary index), and 8 bytes instead of a string.
 * Limits: 32,767 topics per index, 4,096 partitions per topic, offsets below 2^36 (68.7 billion).
 */
final class RecordKeys {

    static final int MAX_TOPICS = 1 << 15;
    private static final int PARTITION_BITS = 12;
    private static final int OFFSET_BITS = 36;
    private static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;
    /** The largest offset a key holds: the upper end of a partition's keys. */
    static final long MAX_OFFSET = OFFSET_MASK;
    private static final long PARTITION_MASK = (1L << PARTITION_BITS) - 1;

    private RecordKeys() {
    }

    static long pack(int topicId, int partition, long offset) {
        if (topicId <= 0 || topicId >= MAX_TOPICS || partition > PARTITION_MASK || offset > OFFSET_MASK) {
            throw new IllegalArgumentException("Outside what a lineage key holds: topic id " + topicId + ", partition "
                    + partition + ", offset " + offset);
        }
        return ((long) topicId << (PARTITION_BITS + OFFSET_BITS)) | ((long) partition << OFFSET_BITS) | offset;
    }

    static int topicId(long key) {
        return (int) (key >>> (PARTITION_BITS + OFFSET_BITS));
    }

    static int partition(long key) {
        return (int) ((key >>> OFFSET_BITS) & PARTITION_MASK);
    }

    static long offset(long key) {
        return key & OFFSET_MASK;
    }

    /** The smallest key of the key's partition: what names the partition where keys of several are mixed. */
    static long partitionStart(long key) {
        return key - offset(key);
    }

    static RecordCoordinates coordinates(long key, NameTable topics) {
        return new RecordCoordinates(topics.nameOf(topicId(key)), partition(key), offset(key));
    }
}
