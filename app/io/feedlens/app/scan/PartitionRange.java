package io.feedlens.app.scan;

import org.apache.kafka.common.TopicPartition;

/** The offsets one partition is read over: from {@code start} (inclusive) to {@code end} (exclusive). */
record PartitionRange(TopicPartition partition, long start, long end) {

    boolean isEmpty() {
        return start >= end;
    }
}
