package io.feedlens.app.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.browse.RecordBatchFetch;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.cluster.ClusterSession;
import io.feedlens.app.decode.DecoderSettings;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.demo.DemoCluster;
import io.feedlens.app.demo.DemoTopics;
import io.feedlens.app.demo.FeedSpec;
import io.feedlens.app.demo.GeneratedFeed;
import io.feedlens.app.demo.GroundTruth;
import io.feedlens.app.lineage.IndexSettings;
import io.feedlens.app.lineage.LineageIndexer;
import io.feedlens.app.report.AuditReport;
import io.feedlens.app.report.AuditReports;
import io.feedlens.app.scan.ReadingConsumers;
import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.extract.LineageProfile;
import io.feedlens.lineage.store.LineageStore;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The audit report of demo decisions (trace, every source record read again, decoded and hashed, index state, HTML and
 * JSON written), against the floor of its Kafka work: one bare consumer seeking to the same records and polling them,
 * with no checks, decoding, hashing or files. Also the records' fetch alone, to show where the time goes.
 */
public final class ReportBenchmark implements Benchmark {

    private static final int REPORTS = 30;

    private final int decisions;

    public ReportBenchmark(int decisions) {
        this.decisions = decisions;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String description() {
        return "Audit report of " + REPORTS + " decisions (index of " + decisions + ") vs a bare consumer fetching the same records.";
    }

    @Override
    public BenchResult run(PrintWriter out) throws Exception {
        Path folder = Files.createTempDirectory("feedlens-bench-report");
        try (EmbeddedKafka broker = EmbeddedKafka.start(folder.resolve("kafka"))) {
            Map<String, Object> client = Map.of("bootstrap.servers", broker.bootstrapServers());
            DemoTopics feed = new DemoTopics("bench.");
            GroundTruth truth;
            try (Admin admin = Admin.create(client); var producer = GeneratedFeed.openProducer(broker.bootstrapServers())) {
                feed.ensureExist(admin);
                truth = GeneratedFeed.generate(FeedSpec.endingBefore(Instant.now(), decisions, 17, feed), producer);
            }
            LineageProfile profile = LineageProfile.demo(feed.prefix());
            RecordDecoder decoder = new RecordDecoder(DecoderSettings.automatic().withLocalSchemas(DemoCluster.schemas()));
            try (LineageStore store = LineageStore.open(folder.resolve("index"));
                 ClusterSession session = ClusterSession.connect(ClusterProfile.of("bench", broker.bootstrapServers())).join().session()) {
                new LineageIndexer(client, store, decoder).run(IndexSettings.catchUp(profile), progress -> { });
                return measure(out, session, store, profile, decoder, truth, folder.resolve("reports"));
            }
        } finally {
            BrokerStartBenchmark.deleteQuietly(folder);
        }
    }

    private BenchResult measure(PrintWriter out, ClusterSession session, LineageStore store, LineageProfile profile, RecordDecoder decoder,
                                GroundTruth truth, Path reports) {
        List<String> chosen = new ArrayList<>();
        int step = Math.max(1, truth.decisions().size() / REPORTS);
        for (int i = step / 2; i < truth.decisions().size() && chosen.size() < REPORTS; i += step) {
            chosen.add(truth.decisions().get(i).id());
        }
        List<List<RecordCoordinates>> records = new ArrayList<>();
        for (String id : truth.decisions().subList(0, 5).stream().map(GroundTruth.Decision::id).toList()) { // warm-up, JIT and connections
            AuditReports.write(session, store, profile, decoder, id, reports);
            bareFetch(session, sources(session, store, profile, decoder, id));
        }
        for (String id : chosen) {
            records.add(sources(session, store, profile, decoder, id));
        }
        long[] report = time(chosen, id -> AuditReports.write(session, store, profile, decoder, id, reports).orElseThrow());
        long[] lookupOnly = time(records, list -> RecordBatchFetch.fetch(session.profile().clientConfig(), list));
        long[] bare = time(records, list -> bareFetch(session, list));
        int most = records.stream().mapToInt(List::size).max().orElse(0);
        double average = records.stream().mapToInt(List::size).average().orElse(0);
        out.printf("%d reports; records per report: %.1f on average, at most %d (decision, 2 features, their events)%n", chosen.size(), average, most);
        out.printf("audit report, files written:     p50 %6.1f ms, max %6.1f ms%n", p50(report), max(report));
        out.printf("  of which the records' fetch:   p50 %6.1f ms, max %6.1f ms (RecordBatchFetch, one consumer)%n", p50(lookupOnly), max(lookupOnly));
        out.printf("bare consumer, same records:     p50 %6.1f ms, max %6.1f ms (baseline)%n", p50(bare), max(bare));
        return new BenchResult(name(), "audit report p50", p50(report), "bare consumer fetch p50", p50(bare), "ms");
    }

    private static List<RecordCoordinates> sources(ClusterSession session, LineageStore store, LineageProfile profile, RecordDecoder decoder, String id) {
        AuditReport report = AuditReports.make(session, store, profile, decoder, id, Clock.systemUTC()).orElseThrow();
        return report.records().stream().map(r -> RecordCoordinates.parse(r.coordinates())).toList();
    }

    /** The floor: assign, seek and poll until each record is in hand; nothing checked, decoded or kept. */
    private static long bareFetch(ClusterSession session, List<RecordCoordinates> wanted) {
        long bytes = 0;
        Map<String, Object> config = ReadingConsumers.config(session.profile().clientConfig(), "feedlens-bench", Duration.ofSeconds(5));
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20); // as RecordBatchFetch does: with the 500 ms default each seek waits it out
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            for (RecordCoordinates at : wanted) {
                TopicPartition tp = new TopicPartition(at.topic(), at.partition());
                consumer.assign(List.of(tp));
                consumer.seek(tp, at.offset());
                boolean found = false;
                while (!found) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100)).records(tp)) {
                        found = true;
                        bytes += record.serializedValueSize();
                        break;
                    }
                }
            }
        }
        return bytes;
    }

    private static <T> long[] time(List<T> items, Consumer<T> work) {
        long[] nanos = new long[items.size()];
        for (int i = 0; i < items.size(); i++) {
            long began = System.nanoTime();
            work.accept(items.get(i));
            nanos[i] = System.nanoTime() - began;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static double p50(long[] sorted) {
        return sorted[sorted.length / 2] / 1e6;
    }

    private static double max(long[] sorted) {
        return sorted[sorted.length - 1] / 1e6;
    }
}
