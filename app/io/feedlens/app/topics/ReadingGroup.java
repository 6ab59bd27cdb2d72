package io.feedlens.app.topics;

/**
 * A consumer group that has committed offsets on a topic.
 *
 * @param state               the group's state as Kafka names it (Stable, Empty, …), or "unknown"
 * @param committedPartitions how many of the topic's partitions the group has committed offsets for
 * @param lag                 records between its committed offsets and the latest offsets of those partitions
 */
public record ReadingGroup(String groupId, String state, int committedPartitions, long lag) {
}
