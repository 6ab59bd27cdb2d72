package io.feedlens.app.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Turns a request into offset ranges per partition, with a few batched calls: the end offsets are taken now,
 * so the scan knows where to stop instead of waiting for records that will not come.
 */
final class ScanPlan {

    private ScanPlan() {
    }

    static List<PartitionRange> ranges(KafkaConsumer<byte[], byte[]> consumer, ScanRequest request) {
        List<TopicPartition> partitions = partitions(consumer, request);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> stop = request.until() == null ? end : offsetsAt(consumer, partitions, request.until().toEpochMilli(), end);
        Map<TopicPartition, Long> start = startOffsets(consumer, request.start(), partitions, begin, end);
        List<PartitionRange> ranges = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            ranges.add(new PartitionRange(partition, start.get(partition), Math.min(stop.get(partition), end.get(partition)),
                    begin.get(partition)));
        }
        return ranges;
    }

    private static Map<TopicPartition, Long> startOffsets(KafkaConsumer<byte[], byte[]> consumer, StartAt start,
                                                          List<TopicPartition> partitions,
                                                          Map<TopicPartition, Long> begin, Map<TopicPartition, Long> end) {
        if (start instanceof StartAt.Offset at) {
            return clamp(partitions, at.offset(), begin, end);
        }
        if (start instanceof StartAt.Time at) {
            return offsetsAt(consumer, partitions, at.time().toEpochMilli(), end);
        }
        if (start instanceof StartAt.Newest newest) {
            return newest(partitions, newest.count(), begin, end);
        }
        return begin;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, ScanRequest request) {
        List<PartitionInfo> infos = consumer.partitionsFor(request.topic());
        if (infos == null || infos.isEmpty()) {
            throw new UnknownTopicOrPartitionException("Topic '" + request.topic() + "' does not exist.");
        }
        List<TopicPartition> all = infos.stream().map(i -> new TopicPartition(i.topic(), i.partition()))
                .sorted(java.util.Comparator.comparingInt(TopicPartition::partition)).toList();
        if (request.partitions().isEmpty()) {
            return all;
        }
        List<TopicPartition> chosen = all.stream().filter(p -> request.partitions().contains(p.partition())).toList();
        if (chosen.size() != request.partitions().size()) {
            throw new IllegalArgumentException("Topic '" + request.topic() + "' has partitions 0 to " + (all.size() - 1)
                    + "; asked for " + request.partitions());
        }
        return chosen;
    }

    private static Map<TopicPartition, Long> offsetsAt(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
                                                       long time, Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, time));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        // No record at or after the time: the partition's end.
        partitions.forEach(p -> offsets.put(p, found.get(p) == null ? end.get(p) : found.get(p).offset()));
        return offsets;
    }

    private static Map<TopicPartition, Long> clamp(List<TopicPartition> partitions, long offset,
                                                   Map<TopicPartition, Long> begin, Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        partitions.forEach(p -> offsets.put(p, Math.max(begin.get(p), Math.min(offset, end.get(p)))));
        return offsets;
    }

    /** The last {@code count} offsets; where offsets skip (compaction, transaction markers) see {@link NewestReach}. */
    private static Map<TopicPartition, Long> newest(List<TopicPartition> partitions, int count,
                                                    Map<TopicPartition, Long> begin, Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        partitions.forEach(p -> offsets.put(p, Math.max(begin.get(p), end.get(p) - count)));
        return offsets;
    }
}
