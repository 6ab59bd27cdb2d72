package io.feedlens.app.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.feedlens.app.cluster.TopicReadiness;
import io.feedlens.app.demo.DemoTopics;
import io.feedlens.app.demo.FeedSpec;
import io.feedlens.app.demo.GeneratedFeed;
import io.feedlens.app.demo.GroundTruth;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes a big seeded demo feed for the index benchmark: in chunks of {@link #CHUNK} decisions, each a seeded feed of
 * its own placed after the previous one in event time, so memory holds one chunk's ground truth at a time (a 10M-record
 * feed's truth would not fit), and into topics without retention (a feed of two million decisions spans years of event
 * time, which the demo broker's one-week retention would delete while the benchmark runs).
 */
final class IndexBenchFeed {

    static final int CHUNK = 100_000;
    private static final int PARTITIONS = 3;

    private IndexBenchFeed() {
    }

    /** Creates the topics and writes the feed; returns the last chunk's truth, whose decisions the benchmark traces. */
    static GroundTruth write(Map<String, Object> client, DemoTopics topics, int decisions, long seed) throws Exception {
        try (Admin admin = Admin.create(client)) {
            createWithoutRetention(admin, topics);
        }
        Instant now = Instant.now().minus(Duration.ofHours(1));
        int chunks = (decisions + CHUNK - 1) / CHUNK;
        Duration chunkSpan = Duration.between(FeedSpec.startEndingBefore(Math.min(decisions, CHUNK), now), now).plusHours(1);
        GroundTruth last = null;
        try (KafkaProducer<byte[], byte[]> producer = openProducer(client)) {
            for (int chunk = 0; chunk < chunks; chunk++) {
                int size = Math.min(CHUNK, decisions - chunk * CHUNK);
                Instant endsBefore = now.minus(chunkSpan.multipliedBy(chunks - 1L - chunk));
                last = GeneratedFeed.generate(FeedSpec.endingBefore(endsBefore, size, seed + chunk, topics), producer);
            }
        }
        return last;
    }

    private static void createWithoutRetention(Admin admin, DemoTopics topics) throws InterruptedException, ExecutionException {
        Map<String, String> keepAll = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1");
        List<NewTopic> created = topics.all().stream()
                .map(name -> new NewTopic(name, PARTITIONS, (short) 1).configs(keepAll)).toList();
        admin.createTopics(created).all().get();
        TopicReadiness.awaitLeaders(admin, created);
    }

    /** The generator's producer settings with large batches, so writing ten million records takes minutes, not tens. */
    private static KafkaProducer<byte[], byte[]> openProducer(Map<String, Object> client) {
        Map<String, Object> config = new java.util.HashMap<>(GeneratedFeed.producerConfig((String) client.get("bootstrap.servers")));
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 << 10);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 256L << 20);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
