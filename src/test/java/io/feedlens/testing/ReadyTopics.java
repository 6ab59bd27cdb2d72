package io.feedlens.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Creates topics and returns once every partition's leader answers. Right after {@code createTopics} the first
 * produce requests can meet NOT_LEADER_OR_FOLLOWER, and an idempotent producer's retries of those were seen to spin
 * until its two-minute delivery timeout, losing records; a test that writes at once must wait for the leaders.
 */
public final class ReadyTopics {

    private ReadyTopics() {
    }

    public static void create(Admin admin, List<NewTopic> topics) throws Exception {
        admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> partitions = new java.util.HashMap<>();
        for (NewTopic topic : topics) {
            for (int p = 0; p < topic.numPartitions(); p++) {
                partitions.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
            }
        }
        // Only a partition's leader answers a listOffsets request; the admin client retries until it does.
        admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS);
    }
}
