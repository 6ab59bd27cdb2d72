package io.feedlens.app.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.topics.TopicService;
import io.feedlens.app.topics.TopicSummary;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How long the Topics screen's list takes on a cluster with many topics: {@link TopicService#listTopics()} (describe,
 * offsets, sizes, configs — everything the list shows) against the bare {@code admin.listTopics().names()} call that
 * only names them, on the same fresh broker in the same run. The requirement is under 2 s for 1,000 topics.
 */
public final class TopicListBenchmark implements Benchmark {

    private static final int BATCH = 100;

    private final int topics;
    private final int rounds;

    public TopicListBenchmark(int topics, int rounds) {
        this.topics = topics;
        this.rounds = rounds;
    }

    @Override
    public String name() {
        return "topic-list";
    }

    @Override
    public String description() {
        return "TopicService listing " + topics + " topics vs the bare admin.listTopics().names() (" + rounds + " rounds).";
    }

    @Override
    public BenchResult run(PrintWriter out) throws Exception {
        Path folder = Files.createTempDirectory("feedlens-bench-topics");
        try (EmbeddedKafka broker = EmbeddedKafka.start(folder);
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            long began = System.nanoTime();
            List<String> names = createTopics(admin);
            int written = writeSome(broker.bootstrapServers(), names);
            out.printf("created %,d topics (1 partition each, batches of %d) and wrote 5 records to %d of them in %.1f s%n",
                    names.size(), BATCH, written, (System.nanoTime() - began) / 1e9);
            TopicService service = new TopicService(admin, broker.bootstrapServers());
            // One untimed pass of each, so class loading and the JIT are not charged to round 1.
            admin.listTopics().names().get();
            service.listTopics().get();

            List<Double> bare = new ArrayList<>();
            List<Double> listed = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                bare.add(timeMs(() -> admin.listTopics().names().get().size()));
                listed.add(timeMs(() -> service.listTopics().get().size()));
                out.printf("round %d: admin.listTopics().names() %.0f ms, TopicService.listTopics() %.0f ms%n",
                        round, bare.get(round - 1), listed.get(round - 1));
                out.flush();
            }
            printCallTimes(out, admin, names);
            List<TopicSummary> summaries = service.listTopics().get();
            out.printf("listed %,d topics (%,d estimated records); slowest round %.0f ms (requirement: under 2,000 ms)%n",
                    summaries.size(), summaries.stream().mapToLong(TopicSummary::estimatedRecords).sum(), Collections.max(listed));
            return new BenchResult(name(), "TopicService list (median)", BrokerStartBenchmark.median(listed),
                    "admin.listTopics().names() (median)", BrokerStartBenchmark.median(bare), "ms");
        } finally {
            BrokerStartBenchmark.deleteQuietly(folder);
        }
    }

    private List<String> createTopics(Admin admin) throws Exception {
        List<String> names = IntStream.range(0, topics).mapToObj(i -> String.format("bench.topic-%04d", i)).toList();
        for (int from = 0; from < names.size(); from += BATCH) {
            List<NewTopic> batch = names.subList(from, Math.min(names.size(), from + BATCH)).stream()
                    .map(name -> new NewTopic(name, 1, (short) 1)).toList();
            admin.createTopics(batch).all().get();
        }
        return names;
    }

    /** Five records on every tenth topic, so offsets, sizes and last-write times are not all empty. */
    private static int writeSome(String bootstrap, List<String> names) {
        int written = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < names.size(); i += 10) {
                for (int r = 0; r < 5; r++) {
                    producer.send(new ProducerRecord<>(names.get(i), "key-" + r, "{\"n\":" + r + "}"));
                }
                written++;
            }
            producer.flush();
        }
        return written;
    }

    /** Each batched request alone, one after the other, to show where a listing's time goes. */
    private static void printCallTimes(PrintWriter out, Admin admin, List<String> names) throws Exception {
        List<TopicPartition> partitions = names.stream().map(name -> new TopicPartition(name, 0)).toList();
        List<ConfigResource> configs = names.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(Node::id).toList();
        out.printf("one request each: describeTopics %.0f ms, listOffsets earliest %.0f ms, latest %.0f ms, "
                        + "maxTimestamp %.0f ms, describeConfigs %.0f ms, describeLogDirs %.0f ms%n",
                timeMs(() -> admin.describeTopics(names).allTopicNames().get().size()),
                timeMs(() -> admin.listOffsets(every(partitions, OffsetSpec.earliest())).all().get().size()),
                timeMs(() -> admin.listOffsets(every(partitions, OffsetSpec.latest())).all().get().size()),
                timeMs(() -> admin.listOffsets(every(partitions, OffsetSpec.maxTimestamp())).all().get().size()),
                timeMs(() -> admin.describeConfigs(configs).all().get().size()),
                timeMs(() -> admin.describeLogDirs(brokers).allDescriptions().get().size()));
    }

    private static Map<TopicPartition, OffsetSpec> every(List<TopicPartition> partitions, OffsetSpec spec) {
        return partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> spec));
    }

    private interface Timed {
        int call() throws Exception;
    }

    private static double timeMs(Timed work) throws Exception {
        long began = System.nanoTime();
        work.call();
        return (System.nanoTime() - began) / 1e6;
    }
}
