package io.feedlens.app.scan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads topics from their earliest offsets up to the end offsets taken when the read starts, without a consumer
 * group: {@code assign()} and seeks, so looking leaves no trace on the cluster. It stops when every partition
 * reached its end, instead of waiting out poll timeouts on empty partitions.
 */
public final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(200);

    private TopicReader() {
    }

    /** Every record of the topics as it is now; returns how many were read. */
    public static long readAll(Map<String, Object> clientConfig, Collection<String> topics,
                               Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        Map<String, Object> config = ReadingConsumers.config(clientConfig, "feedlens-reader", Duration.ofSeconds(10));
        config.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 << 20);
        config.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                if (infos == null || infos.isEmpty()) {
                    throw new UnknownTopicOrPartitionException("Topic '" + topic + "' does not exist.");
                }
                for (PartitionInfo info : infos) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> remaining = new HashMap<>(consumer.endOffsets(partitions));
            remaining.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
            consumer.pause(partitionsNotIn(partitions, remaining));
            long count = 0;
            while (!remaining.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long end = remaining.get(partition);
                    if (end == null || record.offset() >= end) {
                        continue;
                    }
                    sink.accept(record);
                    count++;
                }
                finishReachedPartitions(consumer, remaining);
            }
            return count;
        } catch (WakeupException e) {
            throw new IllegalStateException("The read was interrupted", e);
        }
    }

    /** A partition is done when its position passed the end offset taken at the start (transaction markers included). */
    private static void finishReachedPartitions(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> remaining) {
        List<TopicPartition> done = new ArrayList<>();
        remaining.forEach((partition, end) -> {
            if (consumer.position(partition) >= end) {
                done.add(partition);
            }
        });
        done.forEach(remaining::remove);
        consumer.pause(done);
    }

    private static List<TopicPartition> partitionsNotIn(List<TopicPartition> all, Map<TopicPartition, Long> remaining) {
        return all.stream().filter(p -> !remaining.containsKey(p)).toList();
    }
}
