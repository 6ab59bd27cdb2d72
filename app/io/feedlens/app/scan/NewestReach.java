package io.feedlens.app.scan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * "Newest N" counts records, not offsets. The scan first reads the last N offsets of each partition; where offsets
 * skip — a compacted topic, transaction markers, aborted records under read_committed — that held fewer than N
 * records, and this finds how far back the missing ones start: it reads earlier windows, growing each time, and only
 * counts (no decoding), until it has seen enough records or reached the partition's first offset.
 */
final class NewestReach {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final long FIRST_WINDOW = 100;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final ScanHandle handle;
    private final Duration stallLimit;

    NewestReach(KafkaConsumer<byte[], byte[]> consumer, ScanHandle handle, Duration stallLimit) {
        this.consumer = consumer;
        this.handle = handle;
        this.stallLimit = stallLimit;
    }

    /** For each range that gave fewer than {@code count} records, the range before it that holds the missing ones. */
    List<PartitionRange> earlierRanges(List<PartitionRange> read, Map<TopicPartition, Long> seen, int count, String topic) {
        List<PartitionRange> earlier = new ArrayList<>();
        for (PartitionRange range : read) {
            long missing = count - seen.getOrDefault(range.partition(), 0L);
            if (missing > 0 && range.start() > range.earliest() && !handle.shouldStop()) {
                long from = startOfLast(range, missing, topic);
                earlier.add(new PartitionRange(range.partition(), from, range.start(), range.earliest()));
            }
        }
        return earlier;
    }

    /** The offset from which [offset, range.start) holds {@code missing} records, or the partition's first offset. */
    private long startOfLast(PartitionRange range, long missing, String topic) {
        long before = range.start();
        long window = Math.max(FIRST_WINDOW, 2 * missing);
        while (before > range.earliest()) {
            long from = Math.max(range.earliest(), before - window);
            List<Long> offsets = offsetsIn(range.partition(), from, before, topic);
            if (offsets.size() >= missing) {
                return offsets.get((int) (offsets.size() - missing));
            }
            missing -= offsets.size();
            before = from;
            window *= 2;
        }
        return range.earliest();
    }

    /** The offsets of the records in [from, to) of one partition, in order; records are counted, not decoded. */
    private List<Long> offsetsIn(TopicPartition partition, long from, long to, String topic) {
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        List<Long> offsets = new ArrayList<>();
        long lastProgress = System.nanoTime();
        while (consumer.position(partition) < to) {
            if (handle.shouldStop()) {
                return offsets;
            }
            long position = consumer.position(partition);
            var records = consumer.poll(POLL).records(partition);
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (record.offset() < to) {
                    offsets.add(record.offset());
                }
            }
            if (!records.isEmpty() || consumer.position(partition) != position) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > stallLimit.toNanos()) {
                throw new IllegalStateException(StallExplanation.of(consumer, topic, stallLimit));
            }
        }
        return offsets;
    }
}
