package io.feedlens.app.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
import io.feedlens.app.scan.TopicReader;
import io.feedlens.lineage.extract.LineageProfile;
import io.feedlens.lineage.model.FeatureVersion;
import io.feedlens.lineage.store.LineageStore;
import io.feedlens.lineage.trace.EarliestOffsets;
import io.feedlens.lineage.trace.Impact;
import io.feedlens.lineage.trace.ImpactReport;
import io.feedlens.lineage.trace.TraceEvent;
import io.feedlens.lineage.trace.Tracer;
import org.apache.kafka.clients.admin.Admin;

/**
 * Lineage indexing of the demo feed from the in-process broker, against the floor it cannot beat: a bare consumer
 * reading the same topics into a plain H2 batch insert of just their coordinates. Also the index's size on disk per
 * record after a normal close.
 */
public final class IndexBenchmark implements Benchmark {

    private static final int TRACED = 10_000;

    private final int decisions;
    private final int runs;

    /** {@code runs} indexer loads, each between two baselines. */
    public IndexBenchmark(int decisions, int runs) {
        this.decisions = decisions;
        this.runs = Math.max(1, runs);
    }

    @Override
    public String name() {
        return "index";
    }

    @Override
    public String description() {
        return "Lineage indexer vs bare consumer + H2 batch insert of coordinates; bytes per indexed record (" + decisions + " decisions).";
    }

    @Override
    public BenchResult run(PrintWriter out) throws Exception {
        Path folder = Files.createTempDirectory("feedlens-bench-index");
        try (EmbeddedKafka broker = EmbeddedKafka.start(folder.resolve("kafka"))) {
            Map<String, Object> client = Map.of("bootstrap.servers", broker.bootstrapServers());
            DemoTopics feed = new DemoTopics("bench.");
            DemoTopics warmUp = new DemoTopics("warm-up.");
            long began = System.nanoTime();
            IndexBenchFeed.write(client, warmUp, Math.max(2_000, Math.min(decisions / 10, 20_000)), 3);
            GroundTruth truth = IndexBenchFeed.write(client, feed, decisions, 11);
            out.printf("feed written in %.1f s%n", (System.nanoTime() - began) / 1e9);
            out.flush();
            // A first pass through both paths, so the JIT compiles before the clock runs.
            index(client, warmUp, folder.resolve("warm-index"));
            coordinates(client, warmUp, folder.resolve("warm-coordinates"));

            // Baselines and indexer loads alternate (B I B I B …), and each load's ratio is taken against the mean of the
            // baselines on either side of it: this machine's speed drifts by a tenth or more within minutes, and single
            // loads of one build read from 0.44 to 0.54 within an hour. The median of the loads' ratios is the figure.
            Baseline before = baseline(client, feed, folder.resolve("coordinates-0"));
            out.printf("CPU seconds per million records, the first baseline: %s%n", perMillion(before.cpu(), before.records()));
            List<Round> rounds = new ArrayList<>();
            for (int round = 1; round <= runs; round++) {
                Path index = folder.resolve("index-" + round);
                Indexed run = index(client, feed, index);
                Baseline after = baseline(client, feed, folder.resolve("coordinates-" + round));
                rounds.add(new Round(run, before, after));
                out.printf("load %d: %s%n", round, rounds.get(round - 1));
                out.printf("  CPU seconds per million records, indexer (load only): %s%n", perMillion(run.loadCpu(), run.progress().records()));
                out.flush();
                if (round == 1) {
                    describeIndex(out, index, run, feed, truth);
                }
                deleteDatabase(folder, "index-" + round);
                deleteDatabase(folder, "coordinates-" + (round - 1));
                before = after;
            }
            List<Round> byRatio = rounds.stream().sorted(Comparator.comparingDouble(Round::ratio)).toList();
            Round median = byRatio.get((byRatio.size() - 1) / 2); // of an even count, the lower of the middle two
            out.printf("ratio over %d loads: median %.2f (load %d), lowest %.2f, highest %.2f%n", rounds.size(), median.ratio(),
                    rounds.indexOf(median) + 1, byRatio.get(0).ratio(), byRatio.get(byRatio.size() - 1).ratio());
            double rate = median.rate();
            double baseline = median.baseline();
            return new BenchResult(name(), "lineage indexer", rate, "bare consumer + H2 coordinates", baseline, "records/s");
        } finally {
            BrokerStartBenchmark.deleteQuietly(folder);
        }
    }

    /** What one load left: records, its close, the index's size on disk and by table, trace and impact latency. */
    private static void describeIndex(PrintWriter out, Path index, Indexed run, DemoTopics feed, GroundTruth truth)
            throws SQLException, IOException {
        IndexProgress indexed = run.progress();
        long bytes = Files.size(index.resolveSibling(index.getFileName() + ".mv.db"));
        out.printf("records: %,d (%,d skipped as invalid), %,d transactions%n", indexed.records(), indexed.skipped(), indexed.batches());
        out.printf("  with its normal close:    %,10.0f records/s (close %.2f s)%n",
                indexed.records() / (run.loadSeconds() + run.closeSeconds()), run.closeSeconds());
        out.printf("index on disk after close:  %,d bytes, %.0f bytes per indexed record%n", bytes, (double) bytes / indexed.records());
        out.printf("disk the index took at most during load and close: %,d bytes (%.1f times its size after the close)%n",
                run.peakBytes(), (double) run.peakBytes() / bytes);
        spaceByTable(out, index, indexed.records());
        traceAndImpact(out, index, feed, truth);
    }

    /** One indexer load between two baselines. */
    private record Round(Indexed load, Baseline before, Baseline after) {

        double rate() {
            return load.progress().records() / load.loadSeconds();
        }

        double baseline() {
            return (before.rate() + after.rate()) / 2;
        }

        double ratio() {
            return rate() / baseline();
        }

        @Override
        public String toString() {
            return String.format("lineage indexer %,.0f records/s (%.2f s); bare consumer + H2 coordinates %,.0f before and %,.0f after"
                    + " (mean %,.0f); ratio %.2f", rate(), load.loadSeconds(), before.rate(), after.rate(), baseline(), ratio());
        }
    }

    private static void deleteDatabase(Path folder, String name) throws IOException {
        Files.deleteIfExists(folder.resolve(name + ".mv.db"));
        Files.deleteIfExists(folder.resolve(name + ".trace.db"));
    }

    /** Which part of the process a thread belongs to, by its name. */
    private static String threadGroup(String thread) {
        if (thread.equals("main")) {
            return "reading thread";
        }
        if (thread.startsWith("feedlens-lineage-writer")) {
            return "writer";
        }
        if (thread.startsWith("H2") || thread.startsWith("MVStore")) {
            return "H2 background";
        }
        if (thread.startsWith("data-plane") || thread.startsWith("kafka") || thread.contains("controller")
                || thread.contains("raft") || thread.contains("broker") || thread.startsWith("group-coordinator")) {
            return "broker";
        }
        return "other";
    }

    private static String perMillion(Map<String, Double> seconds, long records) {
        StringBuilder line = new StringBuilder();
        seconds.forEach((group, cpu) -> line.append(String.format("%s%s %.2f", line.isEmpty() ? "" : ", ", group, cpu * 1e6 / records)));
        return line.toString();
    }

    /**
     * Trace latency from the index alone (no payload fetch), over up to {@link #TRACED} decisions of the feed's last
     * chunk; impact of the version that a fifth of all decisions used.
     */
    private static void traceAndImpact(PrintWriter out, Path file, DemoTopics feed, GroundTruth truth) {
        try (LineageStore store = LineageStore.open(file)) {
            Tracer tracer = new Tracer(store, LineageProfile.demo(feed.prefix()), EarliestOffsets.unknown());
            List<GroundTruth.Decision> all = truth.decisions();
            int step = Math.max(1, all.size() / TRACED);
            List<String> ids = java.util.stream.IntStream.range(0, all.size() / step).mapToObj(i -> all.get(i * step).id()).toList();
            ids.stream().limit(500).forEach(tracer::trace);
            long[] nanos = ids.stream().mapToLong(id -> {
                long began = System.nanoTime();
                tracer.trace(id).orElseThrow(() -> new IllegalStateException("decision " + id + " is not in the index"));
                return System.nanoTime() - began;
            }).sorted().toArray();
            out.printf("trace latency over %,d decisions: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", nanos.length,
                    nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6, nanos[nanos.length - 1] / 1e6);
            long began = System.nanoTime();
            ImpactReport impact = new Impact(store).ofFeatureVersion(new FeatureVersion("txn_velocity_5m", 4));
            out.printf("impact of txn_velocity_5m@4: %,d decisions in %.1f ms%n", impact.decisions(), (System.nanoTime() - began) / 1e6);
            String event = tracer.trace(ids.get(ids.size() / 2)).orElseThrow().inputs().stream()
                    .flatMap(input -> input.events().stream()).map(TraceEvent::id).findFirst().orElseThrow();
            began = System.nanoTime();
            ImpactReport ofEvent = new Impact(store).ofEvent(event);
            out.printf("impact of event %s: %,d decisions in %.1f ms%n", event, ofEvent.decisions(), (System.nanoTime() - began) / 1e6);
        }
    }

    /** Where the bytes go: each lineage table with its indexes, per indexed record. */
    private static void spaceByTable(PrintWriter out, Path file, long records) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
             java.sql.Statement sql = connection.createStatement()) {
            StringBuilder line = new StringBuilder("  by table (bytes per indexed record):");
            for (String table : List.of("record_block", "lookup_page", "lookup_block", "lookup_run", "used_block", "used_bloom",
                    "parent_block", "parent_bloom", "skipped_record")) {
                try (java.sql.ResultSet used = sql.executeQuery("SELECT DISK_SPACE_USED('" + table.toUpperCase(java.util.Locale.ROOT) + "')")) {
                    used.next();
                    line.append(String.format(" %s %.0f,", table, (double) used.getLong(1) / records));
                }
            }
            out.println(line.substring(0, line.length() - 1));
        }
    }

    /**
     * A timed index run: the load, then the indexer's normal close (what {@code feedlens index} does at its end), and
     * the most disk the index took on the way.
     */
    private record Indexed(IndexProgress progress, double loadSeconds, double closeSeconds, Map<String, Double> loadCpu,
                           long peakBytes) {
    }

    private static Indexed index(Map<String, Object> client, DemoTopics topics, Path file) {
        try (PeakDiskUse disk = new PeakDiskUse(file)) {
            return index(client, topics, file, disk);
        }
    }

    private static Indexed index(Map<String, Object> client, DemoTopics topics, Path file, PeakDiskUse disk) {
        long began = System.nanoTime();
        ThreadCpu cpu = ThreadCpu.start();
        LineageStore store = LineageStore.open(file);
        IndexProgress progress;
        try {
            LineageIndexer indexer = new LineageIndexer(client, store,
                    new RecordDecoder(DecoderSettings.automatic().withLocalSchemas(DemoCluster.schemas())));
            progress = indexer.run(IndexSettings.catchUp(LineageProfile.demo(topics.prefix())), p -> { });
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        long loaded = System.nanoTime();
        Map<String, Double> loadCpu = cpu.stop(IndexBenchmark::threadGroup);
        store.compactAndClose();
        return new Indexed(progress, (loaded - began) / 1e9, (System.nanoTime() - loaded) / 1e9, loadCpu, disk.peakBytes());
    }

    /** One timed baseline run, with the CPU each part of the process spent on it. */
    private record Baseline(long records, double seconds, Map<String, Double> cpu) {

        double rate() {
            return records / seconds;
        }
    }

    private static Baseline baseline(Map<String, Object> client, DemoTopics topics, Path file) throws SQLException {
        long began = System.nanoTime();
        ThreadCpu cpu = ThreadCpu.start();
        long records = coordinates(client, topics, file);
        return new Baseline(records, (System.nanoTime() - began) / 1e9, cpu.stop(IndexBenchmark::threadGroup));
    }

    /** The baseline: read every record, insert (topic, partition, offset) in JDBC batches of the indexer's size. */
    private static long coordinates(Map<String, Object> client, DemoTopics topics, Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "")) {
            connection.createStatement().execute("CREATE TABLE coordinates (topic VARCHAR(255), part INT, off BIGINT)");
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO coordinates VALUES (?, ?, ?)")) {
                long[] count = {0};
                TopicReader.readAll(client, topics.all(), record -> {
                    try {
                        insert.setString(1, record.topic());
                        insert.setInt(2, record.partition());
                        insert.setLong(3, record.offset());
                        insert.addBatch();
                        if (++count[0] % IndexSettings.DEFAULT_BATCH == 0) {
                            insert.executeBatch();
                            connection.commit();
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                insert.executeBatch();
                connection.commit();
                return count[0];
            }
        }
    }
}
