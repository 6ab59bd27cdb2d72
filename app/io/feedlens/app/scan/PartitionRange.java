package io.feedlens.app.scan;

import org.apache.kafka.common.TopicPartition;

/**
 * The offsets one partition is read over: from {@code start} (inclusive) to {@code end} (exclusive); {@code earliest}
 * is the partition's first offset, so "newest N" knows whether there is more to reach back to.
 */
record PartitionRange(TopicPartition partition, long start, long end, long earliest) {

    boolean isEmpty() {
        return start >= end;
    }
}
