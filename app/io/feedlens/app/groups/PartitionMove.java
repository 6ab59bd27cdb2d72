package io.feedlens.app.groups;

import java.time.Instant;

import org.apache.kafka.common.TopicPartition;

/**
 * One line of a reset's dry run.
 *
 * @param currentOffset the committed offset now; null when the group has none here
 * @param newOffset     where the reset puts it
 * @param records       how many records move under the group: positive are read again, negative are skipped;
 *                      null when there is no current offset to count from
 * @param spanFrom      the timestamp of the first of those records; null when none move or times are unknown
 * @param spanTo        the timestamp of the last of them
 * @param note          what a person should know, e.g. that a timestamp lay past the end; or null
 */
public record PartitionMove(TopicPartition partition, Long currentOffset, long newOffset, Long records,
                            Instant spanFrom, Instant spanTo, String note) {

    public boolean rereads() {
        return records != null && records > 0;
    }
}
