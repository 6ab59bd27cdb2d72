package io.feedlens.app.browse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.feedlens.app.cluster.ConnectionProblem;
import io.feedlens.app.scan.ReadingConsumers;
import io.feedlens.lineage.RecordCoordinates;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads one record's raw bytes again by its coordinates, for the record detail: a scan keeps decoded records, not
 * payloads, so a table of 10,000 rows does not hold 10,000 raw values. Slow (a network round trip): call off the FX thread.
 */
public final class RecordFetch {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private RecordFetch() {
    }

    /**
     * The record at exactly these coordinates, or empty when it is gone (retention, compaction) or did not arrive in
     * time. A topic this user may not read fails with a {@link ConnectionProblem} that says so.
     */
    public static Optional<ConsumerRecord<byte[], byte[]>> at(Map<String, Object> clientConfig, RecordCoordinates at) {
        Map<String, Object> config = ReadingConsumers.config(clientConfig, "feedlens-fetch", WAIT);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        TopicPartition partition = new TopicPartition(at.topic(), at.partition());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, at.offset());
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    return record.offset() == at.offset() ? Optional.of(record) : Optional.empty();
                }
            }
            return Optional.empty();
        } catch (AuthorizationException e) {
            throw ConnectionProblem.explain(String.valueOf(config.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)), e);
        }
    }
}
