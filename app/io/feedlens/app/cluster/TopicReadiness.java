package io.feedlens.app.cluster;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidMetadataException;

/**
 * Waits until every partition of newly created topics has a leader that answers. Right after {@code createTopics}
 * the first produce requests can meet NOT_LEADER_OR_FOLLOWER, and an idempotent producer's retries of those were seen
 * to spin to its two-minute delivery timeout (decision 0006). Only a leader answers {@code listOffsets}; until the
 * cluster's metadata knows the topic it answers "unknown topic", which is retried here as well.
 */
public final class TopicReadiness {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private TopicReadiness() {
    }

    public static void awaitLeaders(Admin admin, List<NewTopic> topics) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        for (NewTopic topic : topics) {
            for (int partition = 0; partition < topic.numPartitions(); partition++) {
                partitions.put(new TopicPartition(topic.name(), partition), OffsetSpec.latest());
            }
        }
        if (partitions.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                admin.listOffsets(partitions).all().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof InvalidMetadataException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new ExecutionException("The new topics' leaders did not answer within " + PATIENCE.toSeconds() + " s", e);
            }
        }
    }
}
