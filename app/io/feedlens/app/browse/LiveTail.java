package io.feedlens.app.browse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.feedlens.app.scan.ReadingConsumers;
import io.feedlens.app.Background;
import io.feedlens.app.decode.DecodedRecord;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.scan.ScanProgress;
import io.feedlens.app.scan.ScreenPace;
import io.feedlens.app.search.RecordFilter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Follows chosen partitions of a topic from their current end: records written from now on are decoded, filtered and
 * handed over a poll's worth at a time, until closed. {@code assign()} and {@code seekToEnd()}, no consumer group,
 * so following a topic leaves no trace on the cluster.
 */
public final class LiveTail implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final AtomicLong scanned = new AtomicLong();
    private final AtomicLong matched = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong filterErrors = new AtomicLong();
    private final AtomicLong undecoded = new AtomicLong();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CompletableFuture<String> end = new CompletableFuture<>();
    private final long began = System.nanoTime();
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile int partitionCount;
    private final ScreenPace pace;

    private LiveTail(ScreenPace pace) {
        this.pace = pace;
    }

    /**
     * Starts following on a worker thread and returns at once. {@code matches} is called from that thread; it must be
     * quick (hand the batch on, don't paint). An empty {@code partitions} means all of them.
     */
    public static LiveTail start(Map<String, Object> clientConfig, RecordDecoder decoder, String topic, List<Integer> partitions,
                                 boolean readCommitted, RecordFilter filter, Consumer<List<DecodedRecord>> matches) {
        return start(clientConfig, decoder, topic, partitions, readCommitted, filter, matches, ScreenPace.NONE);
    }

    /** As above, for a screen that shows the matches: the tail gives way to it when it paints late (see {@link ScreenPace}). */
    public static LiveTail start(Map<String, Object> clientConfig, RecordDecoder decoder, String topic, List<Integer> partitions,
                                 boolean readCommitted, RecordFilter filter, Consumer<List<DecodedRecord>> matches, ScreenPace pace) {
        LiveTail tail = new LiveTail(pace);
        Map<String, Object> config = consumerConfig(clientConfig, readCommitted);
        // Even making a consumer takes a moment (config, metrics): not on the caller's thread, which may be the FX thread.
        Background.run(() -> tail.end.complete(tail.follow(config, decoder, topic, partitions, filter, matches)));
        return tail;
    }

    /** The figures so far, the same kind a scan gives. */
    public ScanProgress progress() {
        return new ScanProgress(scanned.get(), matched.get(), bytes.get(), filterErrors.get(), undecoded.get(),
                Duration.ofNanos(System.nanoTime() - began), 0, partitionCount);
    }

    /** Completes when the tail stops: with null when closed, or with why it could not go on. Never exceptionally. */
    public CompletableFuture<String> stopped() {
        return end;
    }

    /** Stops within a poll; batches already delivered stay. */
    @Override
    public void close() {
        stopped.set(true);
        KafkaConsumer<byte[], byte[]> reading = consumer;
        if (reading != null) {
            reading.wakeup();
        }
    }

    private String follow(Map<String, Object> config, RecordDecoder decoder, String topic, List<Integer> chosen,
                          RecordFilter filter, Consumer<List<DecodedRecord>> matches) {
        KafkaConsumer<byte[], byte[]> reading = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer = reading;
        try (reading) {
            if (stopped.get()) {
                return null; // closed before it began
            }
            List<TopicPartition> partitions = partitions(topic, chosen);
            partitionCount = partitions.size();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolves "the end" now, not at the first poll
            while (!stopped.get()) {
                pace.giveWay();
                List<DecodedRecord> batch = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    take(decoder.decode(record), record, filter, batch);
                }
                if (!batch.isEmpty()) {
                    matches.accept(batch);
                }
            }
            return null;
        } catch (WakeupException e) {
            return null;
        } catch (KafkaException | IllegalArgumentException e) {
            return stopped.get() ? null : "The live tail stopped: " + e.getMessage();
        }
    }

    private void take(DecodedRecord decoded, ConsumerRecord<byte[], byte[]> record, RecordFilter filter, List<DecodedRecord> batch) {
        scanned.incrementAndGet();
        bytes.addAndGet(Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize()));
        if (!decoded.value().ok() || !decoded.key().ok()) {
            undecoded.incrementAndGet();
        }
        if (filter.test(decoded, filterErrors::incrementAndGet)) {
            matched.incrementAndGet();
            batch.add(decoded);
        }
    }

    private List<TopicPartition> partitions(String topic, List<Integer> chosen) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("Topic '" + topic + "' does not exist.");
        }
        List<TopicPartition> all = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
        if (chosen == null || chosen.isEmpty()) {
            return all;
        }
        List<TopicPartition> picked = all.stream().filter(p -> chosen.contains(p.partition())).toList();
        if (picked.size() != chosen.size()) {
            throw new IllegalArgumentException("Topic '" + topic + "' has partitions 0 to " + (all.size() - 1) + "; asked for " + chosen);
        }
        return picked;
    }

    private static Map<String, Object> consumerConfig(Map<String, Object> clientConfig, boolean readCommitted) {
        Map<String, Object> config = ReadingConsumers.config(clientConfig, "feedlens-tail", Duration.ofSeconds(10));
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return config;
    }
}
