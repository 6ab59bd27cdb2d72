package io.feedlens.app.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.feedlens.lineage.model.PartitionPosition;
import io.feedlens.lineage.store.LineageStore;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Where an index run starts on each partition: the index's stored offset, else the chosen time, else the beginning. */
final class IndexStart {

    private IndexStart() {
    }

    /**
     * Seeks each of {@code partitions} and returns where the index stood on it ({@link PartitionPosition#NONE} when it
     * has never read it): the position its next batch must find still stored. Read from the index every time, since
     * another member of a group may have moved it.
     */
    static Map<TopicPartition, Long> seek(Consumer<byte[], byte[]> consumer, LineageStore store, IndexSettings settings,
                                          Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> standing = new HashMap<>();
        Map<String, Map<Integer, Long>> storedByTopic = new HashMap<>();
        List<TopicPartition> fresh = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            Long next = storedByTopic.computeIfAbsent(partition.topic(), store::positions).get(partition.partition());
            if (next != null) {
                consumer.seek(partition, next);
                standing.put(partition, next);
            } else {
                fresh.add(partition);
                standing.put(partition, PartitionPosition.NONE);
            }
        }
        seekFresh(consumer, fresh, settings);
        return standing;
    }

    private static void seekFresh(Consumer<byte[], byte[]> consumer, List<TopicPartition> fresh, IndexSettings settings) {
        if (fresh.isEmpty()) {
            return; // seekToBeginning(empty) would rewind every assigned partition
        }
        if (settings.from() == null) {
            consumer.seekToBeginning(fresh);
            return;
        }
        Map<TopicPartition, Long> times = new HashMap<>();
        fresh.forEach(partition -> times.put(partition, settings.from().toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times);
        Map<TopicPartition, Long> ends = consumer.endOffsets(fresh);
        for (TopicPartition partition : fresh) {
            OffsetAndTimestamp at = found.get(partition);
            consumer.seek(partition, at == null ? ends.get(partition) : at.offset());
        }
    }

    static List<TopicPartition> partitionsOf(Consumer<byte[], byte[]> consumer, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos == null || infos.isEmpty()) {
                throw new UnknownTopicOrPartitionException("Topic '" + topic + "' does not exist.");
            }
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        return partitions;
    }
}
