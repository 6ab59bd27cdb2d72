package io.feedlens.app.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.feedlens.lineage.store.LineageStore;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Where an index run starts on each partition: the index's stored offset, else the chosen time, else the beginning. */
final class IndexStart {

    private IndexStart() {
    }

    static List<TopicPartition> seek(KafkaConsumer<byte[], byte[]> consumer, LineageStore store, IndexSettings settings) {
        List<TopicPartition> partitions = partitionsOf(consumer, settings.profile().topics());
        consumer.assign(partitions);
        List<TopicPartition> fresh = new ArrayList<>();
        for (String topic : settings.profile().topics()) {
            Map<Integer, Long> stored = store.positions(topic);
            for (TopicPartition partition : partitions) {
                if (!partition.topic().equals(topic)) {
                    continue;
                }
                Long next = stored.get(partition.partition());
                if (next != null) {
                    consumer.seek(partition, next);
                } else {
                    fresh.add(partition);
                }
            }
        }
        seekFresh(consumer, fresh, settings);
        return partitions;
    }

    private static void seekFresh(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> fresh, IndexSettings settings) {
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

    private static List<TopicPartition> partitionsOf(KafkaConsumer<byte[], byte[]> consumer, List<String> topics) {
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
