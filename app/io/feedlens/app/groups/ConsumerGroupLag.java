package io.feedlens.app.groups;

import java.time.Duration;
import java.util.List;

import io.feedlens.app.cluster.BrokerNode;

/**
 * One consumer group as a person looks at it: what it is, who is in it, what it reads and how far behind it is.
 *
 * @param type          "classic" or "consumer" (the new consumer protocol of KIP-848)
 * @param state         as the coordinator says it: Stable, Empty, PreparingRebalance, Dead, …
 * @param assignor      the partition assignor in use (range, uniform, …); empty when none
 * @param coordinator   the broker coordinating the group; null when unknown
 * @param totalLag      the sum of the known partition lags, in records
 * @param lagTime       the oldest unconsumed record's age over all partitions; null when unknown
 * @param timeToCatchUp the slowest partition's estimate; null when the group does not move
 * @param problem       why figures are missing (coordinator not available, …), or null
 */
public record ConsumerGroupLag(String groupId, String type, String state, String assignor, BrokerNode coordinator,
                               List<GroupMember> members, List<String> topics, List<PartitionLag> partitions,
                               long totalLag, Duration lagTime, Duration timeToCatchUp, LagStatus status,
                               String problem) {

    public ConsumerGroupLag {
        members = List.copyOf(members);
        topics = List.copyOf(topics);
        partitions = List.copyOf(partitions);
    }

    /** Offsets may only be reset while nobody consumes: Kafka refuses otherwise, and so does FeedLens, earlier. */
    public boolean hasActiveMembers() {
        return !members.isEmpty();
    }

    public List<PartitionLag> partitionsOf(String topic) {
        return partitions.stream().filter(p -> p.topic().equals(topic)).toList();
    }

    public boolean reads(String topic) {
        return topics.contains(topic);
    }
}
