package io.feedlens.app.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.demo.DemoTopics;
import io.feedlens.app.demo.FeedSpec;
import io.feedlens.app.demo.GeneratedFeed;
import io.feedlens.app.scan.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Throughput of the demo feed on the in-process broker: the deterministic generator writing N decisions (with their
 * features and events) against a raw producer sending the very same records, already built, with the same settings;
 * then a raw consumer reading them back — the consume baseline that later benchmarks (scan, decode, index) compare to.
 */
public final class FeedThroughputBenchmark implements Benchmark {

    private final int decisions;

    public FeedThroughputBenchmark(int decisions) {
        this.decisions = decisions;
    }

    @Override
    public String name() {
        return "feed-throughput";
    }

    @Override
    public String description() {
        return "Demo generator vs raw producer of the same records; raw consumer read-back (" + decisions + " decisions).";
    }

    @Override
    public BenchResult run(PrintWriter out) throws Exception {
        Path folder = Files.createTempDirectory("feedlens-bench-feed");
        try (EmbeddedKafka broker = EmbeddedKafka.start(folder)) {
            Map<String, Object> client = Map.of("bootstrap.servers", broker.bootstrapServers());
            DemoTopics generated = new DemoTopics("gen.");
            DemoTopics raw = new DemoTopics("raw.");
            DemoTopics warmUp = new DemoTopics("warm-up.");
            try (Admin admin = Admin.create(client)) {
                generated.ensureExist(admin);
                raw.ensureExist(admin);
                warmUp.ensureExist(admin);
            }
            // A first pass through producer, generator and consumer code, so the JIT compiles before the clock runs.
            try (var producer = GeneratedFeed.openProducer(broker.bootstrapServers())) {
                GeneratedFeed.generate(FeedSpec.endingBefore(Instant.now(), Math.max(100, decisions / 10), 3, warmUp), producer);
            }
            TopicReader.readAll(client, warmUp.all(), record -> { });

            long began = System.nanoTime();
            try (var producer = GeneratedFeed.openProducer(broker.bootstrapServers())) {
                GeneratedFeed.generate(FeedSpec.endingBefore(Instant.now(), decisions, 11, generated), producer);
            }
            double generatorSeconds = (System.nanoTime() - began) / 1e9;

            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            began = System.nanoTime();
            TopicReader.readAll(client, generated.all(), records::add);
            double consumeSeconds = (System.nanoTime() - began) / 1e9;
            long bytes = records.stream().mapToLong(r -> r.serializedKeySize() + Math.max(0, r.serializedValueSize())).sum();

            began = System.nanoTime();
            try (KafkaProducer<byte[], byte[]> producer = GeneratedFeed.openProducer(broker.bootstrapServers())) {
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    producer.send(new ProducerRecord<>("raw." + record.topic().substring("gen.".length()), record.partition(),
                            record.timestamp(), record.key(), record.value(), record.headers()));
                }
                producer.flush();
            }
            double rawSeconds = (System.nanoTime() - began) / 1e9;

            int n = records.size();
            out.printf("records: %,d (%.1f MB of keys and values) in %d decisions%n", n, bytes / 1e6, decisions);
            out.printf("demo generator:  %,10.0f records/s (%.2f s)%n", n / generatorSeconds, generatorSeconds);
            out.printf("raw producer:    %,10.0f records/s (%.2f s), same records prebuilt, same producer settings%n", n / rawSeconds, rawSeconds);
            out.printf("raw consumer:    %,10.0f records/s, %.1f MB/s (%.2f s) — the consume baseline%n",
                    n / consumeSeconds, bytes / 1e6 / consumeSeconds, consumeSeconds);
            return new BenchResult(name(), "demo generator", n / generatorSeconds, "raw producer", n / rawSeconds, "records/s");
        } finally {
            BrokerStartBenchmark.deleteQuietly(folder);
        }
    }
}
