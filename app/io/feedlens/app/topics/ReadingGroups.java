package io.feedlens.app.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumer groups that read a topic: every consumer group is asked, in one batched listConsumerGroupOffsets
 * call limited to the topic's partitions, and those with a committed offset there are the readers.
 */
final class ReadingGroups {

    private ReadingGroups() {
    }

    /** Readers of the partitions, with their lag against {@code latestOffsets}; sorted by group id. */
    static List<ReadingGroup> of(Admin admin, ClusterCalls calls, Collection<TopicPartition> partitions,
                                 Map<TopicPartition, Long> latestOffsets) {
        // Classic and new-protocol groups; simple groups that only commit offsets are classic groups too.
        ListGroupsOptions consumerGroups = new ListGroupsOptions().withTypes(Set.of(GroupType.CLASSIC, GroupType.CONSUMER));
        Collection<GroupListing> groups = calls.awaitOr(admin.listGroups(consumerGroups).valid(), List.of(), "consumer groups");
        if (groups.isEmpty() || partitions.isEmpty()) {
            return List.of();
        }
        Map<String, GroupListing> byId = groups.stream()
                .collect(Collectors.toMap(GroupListing::groupId, Function.identity(), (a, b) -> a));
        ListConsumerGroupOffsetsSpec thisTopic = new ListConsumerGroupOffsetsSpec().topicPartitions(partitions);
        ListConsumerGroupOffsetsResult result = admin.listConsumerGroupOffsets(
                byId.keySet().stream().collect(Collectors.toMap(Function.identity(), id -> thisTopic)));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = calls.awaitEach(
                byId.keySet().stream().collect(Collectors.toMap(Function.identity(), result::partitionsToOffsetAndMetadata)));

        List<ReadingGroup> readers = new ArrayList<>();
        committed.forEach((groupId, offsets) -> {
            ReadingGroup reader = reader(byId.get(groupId), offsets, latestOffsets);
            if (reader != null) {
                readers.add(reader);
            }
        });
        readers.sort(Comparator.comparing(ReadingGroup::groupId));
        return readers;
    }

    private static ReadingGroup reader(GroupListing group, Map<TopicPartition, OffsetAndMetadata> offsets,
                                       Map<TopicPartition, Long> latestOffsets) {
        // Partitions the group never committed come back without an offset.
        Map<TopicPartition, OffsetAndMetadata> held = offsets.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue().offset() >= 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (held.isEmpty()) {
            return null;
        }
        long lag = held.entrySet().stream()
                .mapToLong(e -> Math.max(0, latestOffsets.getOrDefault(e.getKey(), e.getValue().offset()) - e.getValue().offset()))
                .sum();
        String state = group.groupState().map(Object::toString).orElse("unknown");
        return new ReadingGroup(group.groupId(), state, held.size(), lag);
    }
}
