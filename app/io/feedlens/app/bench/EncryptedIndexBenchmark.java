package io.feedlens.app.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.decode.DecoderSettings;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.demo.DemoCluster;
import io.feedlens.app.demo.DemoTopics;
import io.feedlens.app.demo.FeedSpec;
import io.feedlens.app.demo.GeneratedFeed;
import io.feedlens.app.demo.GroundTruth;
import io.feedlens.app.lineage.IndexProgress;
import io.feedlens.app.lineage.IndexSettings;
import io.feedlens.app.lineage.LineageIndexer;
import io.feedlens.lineage.extract.LineageProfile;
import io.feedlens.lineage.store.LineageStore;
import io.feedlens.lineage.trace.EarliestOffsets;
import io.feedlens.lineage.trace.Tracer;
import org.apache.kafka.clients.admin.Admin;

/**
 * What H2's AES cipher costs the lineage index: indexing the demo feed from the in-process broker into an encrypted
 * file against a plain one (same run, same records), alternating which goes first over several runs and taking each
 * one's median, since other work on the machine moves single runs a lot; and trace latency from each.
 */
public final class EncryptedIndexBenchmark implements Benchmark {

    private static final char[] PASSWORD = "bench-password".toCharArray();

    private final int decisions;
    private final int runs;

    public EncryptedIndexBenchmark(int decisions, int runs) {
        this.decisions = decisions;
        this.runs = runs;
    }

    @Override
    public String name() {
        return "index-encrypted";
    }

    @Override
    public String description() {
        return "Lineage indexer into an AES-encrypted H2 file vs a plain one; trace p50 from each (" + decisions + " decisions).";
    }

    @Override
    public BenchResult run(PrintWriter out) throws Exception {
        Path folder = Files.createTempDirectory("feedlens-bench-encrypted");
        try (EmbeddedKafka broker = EmbeddedKafka.start(folder.resolve("kafka"))) {
            Map<String, Object> client = Map.of("bootstrap.servers", broker.bootstrapServers());
            DemoTopics feed = new DemoTopics("bench.");
            GroundTruth truth;
            try (Admin admin = Admin.create(client); var producer = GeneratedFeed.openProducer(broker.bootstrapServers())) {
                feed.ensureExist(admin);
                truth = GeneratedFeed.generate(FeedSpec.endingBefore(Instant.now(), decisions, 11, feed), producer);
            }
            LineageProfile profile = LineageProfile.demo(feed.prefix());
            index(client, profile, folder.resolve("warm-plain"), null);
            index(client, profile, folder.resolve("warm-encrypted"), PASSWORD);
            double[] plainRates = new double[runs];
            double[] encryptedRates = new double[runs];
            for (int run = 0; run < runs; run++) {
                boolean plainFirst = run % 2 == 0;
                for (boolean encrypted : plainFirst ? new boolean[] {false, true} : new boolean[] {true, false}) {
                    Path file = folder.resolve((encrypted ? "encrypted-" : "plain-") + run);
                    double rate = timedIndex(client, profile, file, encrypted ? PASSWORD : null, out, encrypted ? "AES-encrypted H2:" : "plain H2 file:   ");
                    (encrypted ? encryptedRates : plainRates)[run] = rate;
                }
            }
            double plain = median(plainRates);
            double encrypted = median(encryptedRates);
            out.printf("median of %d runs: plain %,.0f records/s, encrypted %,.0f records/s%n", runs, plain, encrypted);
            out.printf("trace p50: plain %.2f ms, encrypted %.2f ms%n", traceP50(folder.resolve("plain-0"), null, profile, truth),
                    traceP50(folder.resolve("encrypted-0"), PASSWORD, profile, truth));
            return new BenchResult(name(), "encrypted index", encrypted, "plain index", plain, "records/s");
        } finally {
            BrokerStartBenchmark.deleteQuietly(folder);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double timedIndex(Map<String, Object> client, LineageProfile profile, Path file, char[] password, PrintWriter out,
                                     String label) {
        long began = System.nanoTime();
        IndexProgress progress = index(client, profile, file, password);
        double seconds = (System.nanoTime() - began) / 1e9;
        out.printf("%s %,10.0f records/s (%,d records in %.2f s)%n", label, progress.records() / seconds, progress.records(), seconds);
        return progress.records() / seconds;
    }

    private static IndexProgress index(Map<String, Object> client, LineageProfile profile, Path file, char[] password) {
        try (LineageStore store = LineageStore.open(file, password)) {
            return new LineageIndexer(client, store, new RecordDecoder(DecoderSettings.automatic().withLocalSchemas(DemoCluster.schemas())))
                    .run(IndexSettings.catchUp(profile), progress -> { });
        }
    }

    private static double traceP50(Path file, char[] password, LineageProfile profile, GroundTruth truth) {
        try (LineageStore store = LineageStore.open(file, password)) {
            Tracer tracer = new Tracer(store, profile, EarliestOffsets.unknown());
            truth.decisions().stream().limit(200).forEach(d -> tracer.trace(d.id()));
            long[] nanos = truth.decisions().stream().limit(1000).mapToLong(d -> {
                long began = System.nanoTime();
                tracer.trace(d.id()).orElseThrow();
                return System.nanoTime() - began;
            }).sorted().toArray();
            return nanos[nanos.length / 2] / 1e6;
        }
    }
}
