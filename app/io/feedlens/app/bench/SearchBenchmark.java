package io.feedlens.app.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.decode.DecoderSettings;
import io.feedlens.app.decode.DecodedRecord;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.scan.ScanHandle;
import io.feedlens.app.scan.ScanRequest;
import io.feedlens.app.scan.ScanSummary;
import io.feedlens.app.scan.TopicScan;
import io.feedlens.app.search.RecordFilter;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * FeedLens search over N demo payments (JSON with CloudEvents headers) against a bare KafkaConsumer loop that reads
 * the same records and does nothing with them, on the same broker in the same run; and against Debian's kcat
 * dumping the topic, where kcat is installed. Also the heap while a search keeps 10,000 rows of 100k matches.
 */
public final class SearchBenchmark implements Benchmark {

    private static final String TOPIC = "bench.payments";
    private static final int TABLE_ROWS = 10_000;
    private static final String FIELD_FILTER = "value.amount > 5000";

    private final int records;

    public SearchBenchmark(int records) {
        this.records = records;
    }

    @Override
    public String name() {
        return "search";
    }

    @Override
    public String description() {
        return "Search " + records + " demo payments with a CEL field predicate vs a bare consumer loop and kcat.";
    }

    @Override
    public BenchResult run(PrintWriter out) throws Exception {
        Path folder = Files.createTempDirectory("feedlens-bench-search");
        try (EmbeddedKafka broker = EmbeddedKafka.start(folder)) {
            Map<String, Object> client = Map.of("bootstrap.servers", broker.bootstrapServers());
            long bytes = PaymentsTopic.write(broker, TOPIC, records);
            out.printf("topic: %,d payments, %.1f MB of values, %d partitions%n", records, bytes / 1e6, PaymentsTopic.PARTITIONS);
            out.flush();
            bareConsumer(client);
            search(client, FIELD_FILTER);
            // Best of three, the two taken in turns: on a shared machine each pair meets about the same load.
            Measured bare = new Measured(0, Double.MAX_VALUE);
            Measured field = new Measured(0, Double.MAX_VALUE);
            for (int round = 0; round < 3; round++) {
                bare = bare.best(bareConsumer(client));
                field = field.best(search(client, FIELD_FILTER).measured);
            }
            out.printf("bare consumer loop:      %,10.0f records/s, %.2f µs CPU per record%n", bare.rate, bare.cpuMicros);
            out.printf("FeedLens search:         %,10.0f records/s, %.2f µs CPU per record (%s), ratio to bare %.2f%n",
                    field.rate, field.cpuMicros, FIELD_FILTER, field.rate / bare.rate);
            out.flush();
            double fieldSearch = field.rate;
            Searched wide = search(client, "offset % 10 == 0");
            out.printf("FeedLens, 10%% matching:  %,10.0f records/s, %,d matches, %,d kept in the table; live heap after GC at most %d MB (whole JVM, broker included)%n",
                    wide.measured.rate, wide.matches, TABLE_ROWS, wide.peakHeapBytes >> 20);
            KcatDump.time(broker.bootstrapServers(), TOPIC, records).ifPresentOrElse(
                    kcat -> out.printf("kcat -C -e -o beginning: %,10.0f records/s, FeedLens search / kcat %.2f%n", kcat, fieldSearch / kcat),
                    () -> out.println("kcat: not installed, no comparison"));
            return new BenchResult(name(), "FeedLens search", fieldSearch, "bare consumer loop", bare.rate, "records/s");
        } finally {
            BrokerStartBenchmark.deleteQuietly(folder);
        }
    }

    /** Records per second of a consumer that reads everything to the end offsets and does nothing else. */
    private static Measured bareConsumer(Map<String, Object> client) {
        try (var consumer = new KafkaConsumer<>(client, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(TOPIC, 0), new TopicPartition(TOPIC, 1), new TopicPartition(TOPIC, 2));
            long began = System.nanoTime();
            long cpu = ThreadCpu.processNanos();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
            return Measured.of(count, System.nanoTime() - began, ThreadCpu.processNanos() - cpu);
        }
    }

    /**
     * Heap in use right after the latest garbage collection, summed over the heap pools: the live data, which is what
     * a heap limit must hold (plain "used" also counts garbage not yet collected, and grows with the heap's size).
     */
    private static long liveHeapAfterLastCollection() {
        long live = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
                live += pool.getCollectionUsage().getUsed();
            }
        }
        return live;
    }

    /** Records per second, and CPU time of the whole JVM (readers, broker, GC) per record: the load-independent cost. */
    private record Measured(double rate, double cpuMicros) {

        static Measured of(long records, long wallNanos, long cpuNanos) {
            return new Measured(records / (wallNanos / 1e9), cpuNanos / 1e3 / Math.max(1, records));
        }

        Measured best(Measured other) {
            return new Measured(Math.max(rate, other.rate), Math.min(cpuMicros, other.cpuMicros));
        }
    }

    private record Searched(Measured measured, long matches, long peakHeapBytes) {
    }

    /** A search the way the Messages tab runs one: matches beyond the table's rows are counted, not kept. */
    private static Searched search(Map<String, Object> client, String filter) throws Exception {
        System.gc();
        List<DecodedRecord> table = new ArrayList<>();
        AtomicLong peak = new AtomicLong();
        long began = System.nanoTime();
        long cpu = ThreadCpu.processNanos();
        ScanHandle scan = TopicScan.start(client, new RecordDecoder(DecoderSettings.automatic()),
                ScanRequest.wholeTopic(TOPIC, RecordFilter.of(filter, null)).handOver(TABLE_ROWS), batch -> {
                    synchronized (table) {
                        int room = TABLE_ROWS - table.size();
                        if (room > 0) {
                            table.addAll(batch.subList(0, Math.min(room, batch.size())));
                        }
                    }
                    peak.accumulateAndGet(liveHeapAfterLastCollection(), Math::max);
                });
        ScanSummary summary = scan.completion().join();
        Measured measured = Measured.of(summary.figures().scanned(), System.nanoTime() - began, ThreadCpu.processNanos() - cpu);
        if (!summary.complete()) {
            throw new IllegalStateException("The benchmark search did not complete: " + summary.problem());
        }
        return new Searched(measured, summary.figures().matched(), peak.get());
    }
}
