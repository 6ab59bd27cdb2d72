package io.feedlens.app.groups;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.feedlens.app.cluster.ClusterSession;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * The raw facts behind a lag refresh, fetched with one call of each kind for all groups together: list groups,
 * describe them, their committed offsets (one request with a spec per group), the topic names, and the log-end
 * offsets of every partition any group has (one listOffsets). Never one call per group or per partition.
 */
record GroupOffsets(Map<String, GroupListing> listings, Map<String, ConsumerGroupDescription> descriptions,
                    Map<String, String> problems, Map<String, Map<TopicPartition, OffsetAndMetadata>> committed,
                    Set<String> topics, Map<TopicPartition, Long> logEnds) {

    /** Fetches the groups that {@code wanted} accepts (all consumer groups, classic and consumer protocol). */
    static GroupOffsets fetch(Admin admin, Predicate<String> wanted) {
        Map<String, GroupListing> listings = new LinkedHashMap<>();
        for (GroupListing listing : get(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all())) {
            if (wanted.test(listing.groupId())) {
                listings.put(listing.groupId(), listing);
            }
        }
        Set<String> topics = get(admin.listTopics().names());
        if (listings.isEmpty()) {
            return new GroupOffsets(listings, Map.of(), Map.of(), Map.of(), topics, Map.of());
        }
        Map<String, KafkaFuture<ConsumerGroupDescription>> described = admin.describeConsumerGroups(listings.keySet()).describedGroups();
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        listings.keySet().forEach(id -> specs.put(id, new ListConsumerGroupOffsetsSpec()));
        ListConsumerGroupOffsetsResult offsets = admin.listConsumerGroupOffsets(specs);

        Map<String, ConsumerGroupDescription> descriptions = new HashMap<>();
        Map<String, String> problems = new HashMap<>();
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        for (String id : List.copyOf(listings.keySet())) {
            try {
                descriptions.put(id, get(described.get(id)));
                committed.put(id, withoutNulls(get(offsets.partitionsToOffsetAndMetadata(id))));
            } catch (GroupProblem problem) {
                if (problem.getCause() instanceof GroupIdNotFoundException) {
                    listings.remove(id); // deleted between the listing and the description: it is gone
                } else {
                    problems.put(id, problem.getMessage());
                }
            }
        }
        Set<TopicPartition> partitions = partitionsStillThere(descriptions, committed, topics);
        return new GroupOffsets(listings, descriptions, problems, committed, topics, logEnds(admin, partitions));
    }

    private static Set<TopicPartition> partitionsStillThere(Map<String, ConsumerGroupDescription> descriptions,
                                                            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed,
                                                            Set<String> topics) {
        Set<TopicPartition> partitions = new HashSet<>();
        committed.values().forEach(offsets -> partitions.addAll(offsets.keySet()));
        for (ConsumerGroupDescription description : descriptions.values()) {
            for (MemberDescription member : description.members()) {
                partitions.addAll(member.assignment().topicPartitions());
            }
        }
        // A deleted topic would make listOffsets retry until its timeout; its partitions are reported as gone instead.
        partitions.removeIf(tp -> !topics.contains(tp.topic()));
        return partitions;
    }

    /** Log-end offsets in one call; a partition that fails (its topic deleted a moment ago) is left out. */
    private static Map<TopicPartition, Long> logEnds(Admin admin, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
        ListOffsetsResult result = admin.listOffsets(request);
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (TopicPartition tp : partitions) {
            try {
                ends.put(tp, get(result.partitionResult(tp)).offset());
            } catch (GroupProblem missing) {
                // Reported as "log end unknown" on the partition.
            }
        }
        return ends;
    }

    private static Map<TopicPartition, OffsetAndMetadata> withoutNulls(Map<TopicPartition, OffsetAndMetadata> offsets) {
        Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
        offsets.forEach((tp, offset) -> {
            if (offset != null && offset.offset() >= 0) {
                present.put(tp, offset);
            }
        });
        return present;
    }

    /** Waits for one admin answer within the session timeout; failures become a {@link GroupProblem}. */
    static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(ClusterSession.CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GroupProblem("Interrupted while waiting for the cluster.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new GroupProblem(String.valueOf(cause.getMessage()), cause);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new GroupProblem("The cluster did not answer within " + ClusterSession.CALL_TIMEOUT.toSeconds() + " s.", e);
        }
    }
}
