package io.feedlens.app.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.demo.FeedRecords;
import io.feedlens.app.demo.PaymentMix;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A topic of N demo payments (JSON with CloudEvents headers, as the demo feed writes them) on a benchmark's broker:
 * 20,000 distinct payments repeated, written as fast as the broker takes them. Shared by the search benchmarks.
 */
public final class PaymentsTopic {

    public static final int PARTITIONS = 3;

    private PaymentsTopic() {
    }

    /** Creates the topic and writes {@code records} payments to it; returns the bytes of values written. */
    public static long write(EmbeddedKafka broker, String topic, int records) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        }
        List<ProducerRecord<byte[], byte[]>> distinct = distinct(topic);
        long bytes = 0;
        try (var producer = producer(broker)) {
            for (int i = 0; i < records; i++) {
                ProducerRecord<byte[], byte[]> record = distinct.get(i % distinct.size());
                producer.send(record);
                bytes += record.value().length;
            }
            producer.flush();
        }
        return bytes;
    }

    /**
     * Writes payments to an existing topic at {@code perSecond}, in slices of 10 ms, for {@code duration}, as a live feed
     * would; returns how many it wrote.
     */
    public static long writeSteadily(EmbeddedKafka broker, String topic, int perSecond, Duration duration) throws InterruptedException {
        List<ProducerRecord<byte[], byte[]>> distinct = distinct(topic);
        long began = System.nanoTime();
        long written = 0;
        try (var producer = producer(broker)) {
            for (long elapsed = 0; elapsed < duration.toNanos(); elapsed = System.nanoTime() - began) {
                long due = elapsed * perSecond / 1_000_000_000L;
                for (; written < due; written++) {
                    producer.send(distinct.get((int) (written % distinct.size())));
                }
                Thread.sleep(10);
            }
            producer.flush();
        }
        return written;
    }

    /** 20,000 distinct payments with event times two hours back (Kafka refuses times far ahead). */
    private static List<ProducerRecord<byte[], byte[]>> distinct(String topic) {
        Random random = new Random(42);
        List<String> cards = PaymentMix.cards(500);
        Instant start = Instant.now().minus(Duration.ofHours(2));
        List<ProducerRecord<byte[], byte[]>> distinct = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            distinct.add(FeedRecords.payment(topic, PaymentMix.payment(random, cards.get(i % cards.size()), start.plusMillis(i))));
        }
        return distinct;
    }

    private static KafkaProducer<byte[], byte[]> producer(EmbeddedKafka broker) {
        Map<String, Object> config = Map.of("bootstrap.servers", broker.bootstrapServers(), "acks", "1",
                "linger.ms", 20, "batch.size", 512 * 1024, "enable.idempotence", false);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
