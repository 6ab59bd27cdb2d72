package io.feedlens.app.groups;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

import io.feedlens.app.scan.ReadingConsumers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The timestamps of the records at given offsets, read with one consumer that has no group (assign + seek, so
 * looking leaves no trace). Many offsets on one partition are read in one forward pass when they lie close together.
 * A record never changes, so answers are cached: a refresh reads only offsets it has not seen.
 */
final class RecordTimes implements AutoCloseable {

    /** Farther apart than this, the next offset is reached by a seek rather than by reading through. */
    private static final long SEEK_GAP = 2_000;
    private static final int CACHE_SIZE = 200_000;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<TopicPartition, Map<Long, Long>> cache = new HashMap<>();
    private final LinkedHashMap<TopicPartition, Boolean> cacheOrder = new LinkedHashMap<>(16, 0.75f, true);
    private int cached;

    RecordTimes(Map<String, Object> clientConfig) {
        Map<String, Object> config = ReadingConsumers.config(clientConfig, "feedlens-lag-times", Duration.ofSeconds(10));
        config.put("max.poll.records", 5_000);
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * For each wanted offset below its partition's end, the timestamp (epoch ms) of the first record at or after it:
     * the oldest record a group at that offset has not consumed. Offsets not found within {@code budget} are absent.
     */
    synchronized Map<TopicPartition, Map<Long, Long>> timestamps(Map<TopicPartition, ? extends Set<Long>> wanted,
                                                                 Map<TopicPartition, Long> ends, Duration budget) {
        Map<TopicPartition, Map<Long, Long>> found = new HashMap<>();
        Map<TopicPartition, NavigableSet<Long>> pending = new HashMap<>();
        wanted.forEach((tp, offsets) -> {
            Long end = ends.get(tp);
            Map<Long, Long> known = cache.getOrDefault(tp, Map.of());
            for (long offset : offsets) {
                if (known.containsKey(offset)) {
                    found.computeIfAbsent(tp, k -> new HashMap<>()).put(offset, known.get(offset));
                } else if (end != null && offset < end) {
                    pending.computeIfAbsent(tp, k -> new TreeSet<>()).add(offset);
                }
            }
        });
        if (!pending.isEmpty()) {
            read(pending, ends, budget, found);
        }
        return found;
    }

    private void read(Map<TopicPartition, NavigableSet<Long>> pending, Map<TopicPartition, Long> ends, Duration budget,
                      Map<TopicPartition, Map<Long, Long>> found) {
        consumer.assign(pending.keySet());
        consumer.resume(consumer.paused());
        pending.forEach((tp, offsets) -> consumer.seek(tp, offsets.first()));
        long deadline = System.nanoTime() + budget.toNanos();
        try {
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                for (TopicPartition tp : records.partitions()) {
                    NavigableSet<Long> offsets = pending.get(tp);
                    if (offsets != null) {
                        resolve(tp, records.records(tp), offsets, found);
                    }
                }
                advance(pending, ends);
            }
        } finally {
            consumer.assign(List.of()); // drop fetched buffers between refreshes
        }
    }

    /** Every wanted offset up to a record's own takes that record's time: it is the first one at or after it. */
    private void resolve(TopicPartition tp, List<ConsumerRecord<byte[], byte[]>> records, NavigableSet<Long> offsets,
                         Map<TopicPartition, Map<Long, Long>> found) {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            while (!offsets.isEmpty() && offsets.first() <= record.offset()) {
                long offset = offsets.pollFirst();
                found.computeIfAbsent(tp, k -> new HashMap<>()).put(offset, record.timestamp());
                remember(tp, offset, record.timestamp());
            }
            if (offsets.isEmpty()) {
                return;
            }
        }
    }

    /** Pauses finished partitions, gives up on those read to their end, and jumps over long stretches. */
    private void advance(Map<TopicPartition, NavigableSet<Long>> pending, Map<TopicPartition, Long> ends) {
        List<TopicPartition> done = new ArrayList<>();
        for (Iterator<Map.Entry<TopicPartition, NavigableSet<Long>>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<TopicPartition, NavigableSet<Long>> entry = it.next();
            TopicPartition tp = entry.getKey();
            long position = entry.getValue().isEmpty() ? Long.MAX_VALUE : consumer.position(tp);
            if (position >= ends.get(tp)) {
                done.add(tp);
                it.remove();
            } else if (entry.getValue().first() > position + SEEK_GAP) {
                consumer.seek(tp, entry.getValue().first());
            }
        }
        if (!done.isEmpty()) {
            consumer.pause(done);
        }
    }

    private void remember(TopicPartition tp, long offset, long timestamp) {
        cache.computeIfAbsent(tp, k -> new HashMap<>()).put(offset, timestamp);
        cacheOrder.put(tp, Boolean.TRUE);
        if (++cached > CACHE_SIZE) {
            // Forget the partition looked at least recently; its times will be read again if needed.
            TopicPartition eldest = cacheOrder.keySet().iterator().next();
            cacheOrder.remove(eldest);
            Map<Long, Long> dropped = cache.remove(eldest);
            cached -= dropped == null ? 0 : dropped.size();
        }
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
