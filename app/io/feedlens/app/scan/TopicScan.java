package io.feedlens.app.scan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.feedlens.app.Background;
import io.feedlens.app.cluster.ConnectionProblem;
import io.feedlens.app.decode.DecodedRecord;
import io.feedlens.app.decode.RecordDecoder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A search or browse over one topic: partitions read in parallel, each up to the end offset taken when the scan
 * started, decoded and filtered on the reading threads; matches go to the caller a poll's worth at a time.
 * No consumer group is used — {@code assign()} and seeks — so scanning leaves no trace on the cluster.
 */
public final class TopicScan {

    /** How long a scan waits without a record while records are still due before it says why. */
    public static final Duration STALL_LIMIT = Duration.ofSeconds(8);

    private static final int MIN_READERS = 4;

    private TopicScan() {
    }

    /**
     * Starts the scan on worker threads and returns at once. {@code matches} is called from those threads,
     * with batches in partition order; it must be quick and thread-safe (hand the batch on, don't paint).
     */
    public static ScanHandle start(Map<String, Object> clientConfig, RecordDecoder decoder, ScanRequest request,
                                   Consumer<List<DecodedRecord>> matches) {
        return start(clientConfig, decoder, request, matches, ScreenPace.NONE);
    }

    /** As above, for matches a screen shows: the readers give way to it when it paints late (see {@link ScreenPace}). */
    public static ScanHandle start(Map<String, Object> clientConfig, RecordDecoder decoder, ScanRequest request,
                                   Consumer<List<DecodedRecord>> matches, ScreenPace pace) {
        ScanHandle handle = new ScanHandle(pace);
        Background.run(() -> run(consumerConfig(clientConfig, request), decoder, request, matches, handle));
        return handle;
    }

    private static void run(Map<String, Object> config, RecordDecoder decoder, ScanRequest request,
                            Consumer<List<DecodedRecord>> matches, ScanHandle handle) {
        KafkaConsumer<byte[], byte[]> planner = newConsumer(config);
        List<PartitionRange> ranges;
        try {
            handle.register(planner);
            ranges = ScanPlan.ranges(planner, request);
            handle.unregister(planner);
        } catch (RuntimeException e) {
            planner.close();
            handle.completion.complete(new ScanSummary(handle.progress(), handle.isCancelled(),
                    handle.isCancelled() ? null : planProblem(config, request, e)));
            return;
        }
        handle.partitionsTotal = ranges.size();
        List<PartitionRange> toRead = ranges.stream().filter(r -> !r.isEmpty()).toList();
        handle.partitionsDone.addAndGet(ranges.size() - toRead.size());
        Reading first = read(planner, config, toRead, decoder, request, matches, handle);
        first.done().thenCompose(problem -> problem == null && !handle.shouldStop() && request.start() instanceof StartAt.Newest newest
                        ? reachBack(config, toRead, first.seen(), newest.count(), decoder, request, matches, handle)
                        : CompletableFuture.completedFuture(problem))
                .whenComplete((problem, failure) -> {
                    String why = failure == null ? problem : "The scan failed: " + failure.getMessage();
                    handle.completion.complete(new ScanSummary(handle.progress(), handle.isCancelled(), handle.isCancelled() ? null : why));
                });
    }

    /** Readers at work on some ranges: when all are done, the first problem any of them had (or null). */
    private record Reading(List<PartitionReader> readers, CompletableFuture<String> done) {

        Map<TopicPartition, Long> seen() {
            Map<TopicPartition, Long> all = new HashMap<>();
            readers.forEach(reader -> all.putAll(reader.seen()));
            return all;
        }
    }

    private static Reading read(KafkaConsumer<byte[], byte[]> connected, Map<String, Object> config, List<PartitionRange> ranges,
                                RecordDecoder decoder, ScanRequest request, Consumer<List<DecodedRecord>> matches, ScanHandle handle) {
        List<PartitionReader> readers = new ArrayList<>();
        List<CompletableFuture<String>> running = new ArrayList<>();
        // A consumer already connected (the planner) reads the first share: a small scan then costs one consumer, not three.
        KafkaConsumer<byte[], byte[]> next = connected;
        for (List<PartitionRange> share : split(ranges, readers())) {
            PartitionReader reader = new PartitionReader(next == null ? newConsumer(config) : next, share, decoder, request,
                    handle, matches, STALL_LIMIT);
            next = null;
            readers.add(reader);
            running.add(Background.supply(reader::read));
        }
        if (next != null) {
            next.close();
        }
        CompletableFuture<String> done = CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> running.stream().map(f -> f.getNow(null)).filter(Objects::nonNull).findFirst().orElse(null));
        return new Reading(readers, done);
    }

    /** Newest N where the last N offsets held fewer than N records (see {@link NewestReach}): reads the records before. */
    private static CompletableFuture<String> reachBack(Map<String, Object> config, List<PartitionRange> read, Map<TopicPartition, Long> seen,
                                                       int count, RecordDecoder decoder, ScanRequest request,
                                                       Consumer<List<DecodedRecord>> matches, ScanHandle handle) {
        List<PartitionRange> earlier;
        KafkaConsumer<byte[], byte[]> counter = newConsumer(config);
        handle.register(counter);
        try (counter) {
            earlier = new NewestReach(counter, handle, STALL_LIMIT).earlierRanges(read, seen, count, request.topic());
        } catch (WakeupException e) {
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture("The scan stopped: " + e.getMessage());
        } finally {
            handle.unregister(counter);
        }
        if (earlier.isEmpty() || handle.shouldStop()) {
            return CompletableFuture.completedFuture(null);
        }
        // Those partitions are not done after all.
        handle.partitionsDone.addAndGet(-earlier.size());
        return read(null, config, earlier, decoder, request, matches, handle).done();
    }

    /**
     * One reader per partition up to twice the cores: with fewer readers than partitions a reader that holds two of
     * three equal partitions still reads alone long after the other finished (a third of the scan on one core).
     */
    static int readers() {
        return Math.max(MIN_READERS, 2 * Runtime.getRuntime().availableProcessors());
    }

    /** Round-robin: partitions of similar size spread evenly over at most {@code readers} consumers. */
    static List<List<PartitionRange>> split(List<PartitionRange> ranges, int readers) {
        int count = Math.max(1, Math.min(readers, ranges.size()));
        List<List<PartitionRange>> shares = new ArrayList<>();
        for (int i = 0; i < count && i < ranges.size(); i++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < ranges.size(); i++) {
            shares.get(i % count).add(ranges.get(i));
        }
        return shares;
    }

    private static Map<String, Object> consumerConfig(Map<String, Object> clientConfig, ScanRequest request) {
        Map<String, Object> config = ReadingConsumers.config(clientConfig, "feedlens-scan", STALL_LIMIT);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, request.readCommitted() ? "read_committed" : "read_uncommitted");
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.putIfAbsent(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 << 20);
        config.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 << 20);
        config.putIfAbsent(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) STALL_LIMIT.toMillis() - 1000);
        return config;
    }

    private static KafkaConsumer<byte[], byte[]> newConsumer(Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static String planProblem(Map<String, Object> config, ScanRequest request, RuntimeException e) {
        if (e instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return ConnectionProblem.explain(String.valueOf(config.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)), e).getMessage();
    }
}
