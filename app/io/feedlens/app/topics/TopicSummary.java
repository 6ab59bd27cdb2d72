package io.feedlens.app.topics;

import java.time.Instant;

/**
 * One line of the topic list, in the words people use about a topic.
 *
 * @param estimatedRecords  sum over partitions of (latest − earliest offset): exact for plain topics, an upper bound
 *                          for compacted or transactional ones
 * @param sizeOnDiskBytes   bytes on disk over all replicas; null when the cluster would not say (e.g. not authorized)
 * @param retentionMs       retention.ms; −1 keeps records forever; null when unknown
 * @param retentionBytes    retention.bytes per partition; −1 means no size limit; null when unknown
 * @param lastWriteTime     the newest record timestamp across partitions; null when the topic holds no records
 */
public record TopicSummary(String name, boolean internal, int partitions, int replicationFactor,
                           int underReplicated, int offlinePartitions, long estimatedRecords, Long sizeOnDiskBytes,
                           Long retentionMs, Long retentionBytes, String cleanupPolicy, Instant lastWriteTime) {
}
