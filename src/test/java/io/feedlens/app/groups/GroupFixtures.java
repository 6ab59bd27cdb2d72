package io.feedlens.app.groups;

import io.feedlens.testing.ReadyTopics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.broker.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Topics, records with chosen timestamps and committed offsets on the shared broker, each with a unique name. */
final class GroupFixtures {

    private GroupFixtures() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Admin admin(EmbeddedKafka broker) {
        return Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
    }

    static Map<String, Object> client(EmbeddedKafka broker) {
        return Map.of("bootstrap.servers", broker.bootstrapServers());
    }

    /** Creates the topic and waits until every partition's leader answers (metadata can lag the creation). */
    static void createTopic(Admin admin, String topic, int partitions) throws Exception {
        ReadyTopics.create(admin, List.of(new NewTopic(topic, partitions, (short) 1)));
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        io.feedlens.app.bench.GroupLagBenchmark.awaitLeaders(admin, latest);
    }

    /** Writes {@code count} records to the partition, the i-th stamped {@code first + i·step}. */
    static void produce(EmbeddedKafka broker, String topic, int partition, int count, Instant first, Duration step) throws Exception {
        Map<String, Object> config = new HashMap<>(client(broker));
        config.put("linger.ms", 5);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                long timestamp = first.plus(step.multipliedBy(i)).toEpochMilli();
                producer.send(new ProducerRecord<>(topic, partition, timestamp, null, ("r" + i).getBytes()));
            }
            producer.flush();
        }
    }

    static void commit(Admin admin, String group, Map<TopicPartition, Long> offsets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> request = new HashMap<>();
        offsets.forEach((tp, offset) -> request.put(tp, new OffsetAndMetadata(offset)));
        admin.alterConsumerGroupOffsets(group, request).all().get(10, TimeUnit.SECONDS);
    }

    /** A live member: subscribes with the given protocol ("classic" or "consumer") and polls until it has partitions. */
    static KafkaConsumer<byte[], byte[]> liveMember(EmbeddedKafka broker, String group, String topic, String protocol) {
        Map<String, Object> config = new HashMap<>(client(broker));
        config.put("group.id", group);
        config.put("group.protocol", protocol);
        config.put("client.id", "member-of-" + group);
        config.put("enable.auto.commit", false);
        config.put("auto.offset.reset", "earliest");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100));
        }
        return consumer;
    }

    /** A clock the test moves by hand, for windows and lag in time. */
    static final class HandClock extends Clock {
        private Instant now;

        HandClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
