package io.feedlens.app.scan;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Says why a scan stopped getting records while records were still due: the topic is gone, or the cluster does
 * not answer. Kafka's consumer retries both silently forever, so the scan asks once it has waited long enough.
 */
final class StallExplanation {

    private StallExplanation() {
    }

    static String of(KafkaConsumer<byte[], byte[]> consumer, String topic, Duration waited) {
        String seconds = waited.toSeconds() + " s";
        try {
            // listTopics asks the cluster afresh; partitionsFor would answer from the consumer's cached metadata.
            List<PartitionInfo> partitions = consumer.listTopics(Duration.ofSeconds(3)).get(topic);
            if (partitions == null || partitions.isEmpty()) {
                return "Topic '" + topic + "' was deleted during the scan.";
            }
            return "No records arrived for " + seconds + " although the topic has more: the partition leaders may be unavailable.";
        } catch (UnknownTopicOrPartitionException e) {
            return "Topic '" + topic + "' was deleted during the scan.";
        } catch (TimeoutException e) {
            return "The cluster stopped answering during the scan (nothing for " + seconds + ").";
        } catch (RuntimeException e) {
            return "The scan stopped after " + seconds + " without records: " + e.getMessage();
        }
    }
}
