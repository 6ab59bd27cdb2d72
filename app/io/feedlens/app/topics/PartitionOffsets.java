package io.feedlens.app.topics;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * The offsets and record times of many partitions, asked in one listOffsets call per kind of offset
 * (earliest, latest, newest timestamp, and for details the first record's timestamp), all in flight at once.
 */
final class PartitionOffsets {

    /** What is known of one partition; times are null when it holds no records. */
    record Range(long earliest, long latest, Instant firstRecordTime, Instant lastRecordTime) {
        static final Range UNKNOWN = new Range(-1, -1, null, null);

        long records() {
            return earliest < 0 || latest < 0 ? 0 : latest - earliest;
        }
    }

    private PartitionOffsets() {
    }

    /**
     * Asks for the partitions' offsets. {@code withFirstRecordTimes} adds a fourth call for the timestamp of each
     * partition's oldest record (forTimestamp(0): the first record at or after time zero, with its timestamp).
     */
    static Map<TopicPartition, Range> fetch(Admin admin, ClusterCalls calls, Collection<TopicPartition> partitions,
                                            boolean withFirstRecordTimes) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        ListOffsetsResult earliest = admin.listOffsets(every(partitions, OffsetSpec.earliest()));
        ListOffsetsResult latest = admin.listOffsets(every(partitions, OffsetSpec.latest()));
        ListOffsetsResult newest = admin.listOffsets(every(partitions, OffsetSpec.maxTimestamp()));
        ListOffsetsResult oldest = withFirstRecordTimes ? admin.listOffsets(every(partitions, OffsetSpec.forTimestamp(0))) : null;

        Map<TopicPartition, ListOffsetsResultInfo> starts = calls.awaitEach(perPartition(earliest, partitions));
        Map<TopicPartition, ListOffsetsResultInfo> ends = calls.awaitEach(perPartition(latest, partitions));
        Map<TopicPartition, ListOffsetsResultInfo> maxTimes = calls.awaitEach(perPartition(newest, partitions));
        Map<TopicPartition, ListOffsetsResultInfo> firstTimes = oldest == null ? Map.of()
                : calls.awaitEach(perPartition(oldest, partitions));

        Map<TopicPartition, Range> ranges = new HashMap<>();
        for (TopicPartition partition : partitions) {
            ListOffsetsResultInfo start = starts.get(partition);
            ListOffsetsResultInfo end = ends.get(partition);
            if (start == null || end == null) {
                ranges.put(partition, Range.UNKNOWN);
                continue;
            }
            boolean empty = end.offset() <= start.offset();
            ranges.put(partition, new Range(start.offset(), end.offset(),
                    empty ? null : time(firstTimes.get(partition)), empty ? null : time(maxTimes.get(partition))));
        }
        return ranges;
    }

    private static Map<TopicPartition, OffsetSpec> every(Collection<TopicPartition> partitions, OffsetSpec spec) {
        return partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec));
    }

    private static Map<TopicPartition, org.apache.kafka.common.KafkaFuture<ListOffsetsResultInfo>> perPartition(
            ListOffsetsResult result, Collection<TopicPartition> partitions) {
        return partitions.stream().collect(Collectors.toMap(Function.identity(), result::partitionResult));
    }

    private static Instant time(ListOffsetsResultInfo info) {
        return info == null || info.offset() < 0 || info.timestamp() < 0 ? null : Instant.ofEpochMilli(info.timestamp());
    }
}
