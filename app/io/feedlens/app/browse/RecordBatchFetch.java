package io.feedlens.app.browse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import io.feedlens.app.cluster.ConnectionProblem;
import io.feedlens.app.scan.ReadingConsumers;
import io.feedlens.lineage.RecordCoordinates;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Fetches many records by their coordinates with one consumer: a trace shows a decision, its features and their
 * events, scattered over topics and partitions, and one consumer per record would cost a connection each. Within a
 * partition the offsets are read in order, seeking ahead over the records in between. Every coordinate gets an
 * answer: the record, or why it can't be had. Slow (network): call off the FX thread.
 * <p>
 * An instance keeps its consumer between fetches (connections and metadata stay warm: measured here, a fresh consumer
 * costs most of a 61-record fetch); it serves one fetch at a time. {@link #fetch(Map, Collection)} is the one-off form.
 */
public final class RecordBatchFetch implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(5);
    /** Closer than this, reading on is cheaper than a seek (which drops what the consumer has already fetched). */
    private static final long READ_ON_WITHIN = 500;

    private final KafkaConsumer<byte[], byte[]> consumer;

    public RecordBatchFetch(Map<String, Object> clientConfig) {
        Map<String, Object> config = ReadingConsumers.config(clientConfig, "feedlens-fetch", WAIT);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        // Every offset asked for exists (checked first), so the broker never needs to wait for data to arrive.
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** A one-off fetch with a consumer of its own. */
    public static Map<RecordCoordinates, FetchedRecord> fetch(Map<String, Object> clientConfig, Collection<RecordCoordinates> wanted) {
        try (RecordBatchFetch fetch = new RecordBatchFetch(clientConfig)) {
            return fetch.fetch(wanted);
        }
    }

    /** The records at these coordinates, in the order asked, each with the reason when it can't be had. */
    public synchronized Map<RecordCoordinates, FetchedRecord> fetch(Collection<RecordCoordinates> wanted) {
        Map<RecordCoordinates, FetchedRecord> answers = new LinkedHashMap<>();
        if (wanted.isEmpty()) {
            return answers;
        }
        try {
            Map<TopicPartition, TreeSet<Long>> remaining = readable(consumer, wanted, answers);
            read(consumer, remaining, answers);
        } catch (TimeoutException e) {
            wanted.forEach(at -> answers.putIfAbsent(at, FetchedRecord.unavailable(at, FetchedRecord.Unavailable.NO_ANSWER, "Kafka did not answer within " + WAIT.toSeconds() + " s.")));
        }
        consumer.assign(List.of());
        Map<RecordCoordinates, FetchedRecord> inAskedOrder = new LinkedHashMap<>();
        wanted.forEach(at -> inAskedOrder.put(at, answers.get(at)));
        return inAskedOrder;
    }

    /** The wanted offsets per partition that Kafka can still have; the others are answered here with the reason. */
    private static Map<TopicPartition, TreeSet<Long>> readable(KafkaConsumer<byte[], byte[]> consumer,
                                                               Collection<RecordCoordinates> wanted,
                                                               Map<RecordCoordinates, FetchedRecord> answers) {
        Map<String, Optional<FetchedRecord>> topicProblems = new HashMap<>();
        Map<TopicPartition, TreeSet<Long>> byPartition = new LinkedHashMap<>();
        for (RecordCoordinates at : wanted) {
            Optional<FetchedRecord> problem = topicProblems.computeIfAbsent(at.topic(), topic -> Optional.ofNullable(topicProblem(consumer, at)));
            if (problem.isPresent()) {
                answers.put(at, FetchedRecord.unavailable(at, problem.get().unavailable(), problem.get().problem()));
            } else {
                byPartition.computeIfAbsent(new TopicPartition(at.topic(), at.partition()), tp -> new TreeSet<>()).add(at.offset());
            }
        }
        if (byPartition.isEmpty()) {
            return byPartition;
        }
        Map<TopicPartition, Long> starts = consumer.beginningOffsets(byPartition.keySet());
        Map<TopicPartition, Long> ends = consumer.endOffsets(byPartition.keySet());
        for (var entry : byPartition.entrySet()) {
            TopicPartition tp = entry.getKey();
            long start = starts.getOrDefault(tp, 0L);
            long end = ends.getOrDefault(tp, 0L);
            entry.getValue().removeIf(offset -> {
                RecordCoordinates at = new RecordCoordinates(tp.topic(), tp.partition(), offset);
                if (offset < start) {
                    answers.put(at, FetchedRecord.unavailable(at, FetchedRecord.Unavailable.LEFT_RETENTION, "It has left Kafka's retention: " + tp + " now starts at offset " + start + "."));
                    return true;
                }
                if (offset >= end) {
                    answers.put(at, FetchedRecord.unavailable(at, FetchedRecord.Unavailable.NOT_AT_OFFSET, "Kafka has no such record: " + tp + " ends at offset " + end
                            + " (was the topic deleted and created again?)."));
                    return true;
                }
                return false;
            });
        }
        byPartition.values().removeIf(TreeSet::isEmpty);
        return byPartition;
    }

    /** Null when the topic can be read, else why not (for the coordinates {@code at} of the first record asked on it). */
    private static FetchedRecord topicProblem(KafkaConsumer<byte[], byte[]> consumer, RecordCoordinates at) {
        try {
            List<PartitionInfo> partitions = consumer.partitionsFor(at.topic());
            return partitions == null || partitions.isEmpty()
                    ? FetchedRecord.unavailable(at, FetchedRecord.Unavailable.TOPIC_GONE, "The topic '" + at.topic() + "' no longer exists.") : null;
        } catch (AuthorizationException e) {
            return FetchedRecord.unavailable(at, FetchedRecord.Unavailable.NOT_AUTHORIZED, ConnectionProblem.notAuthorizedToRead(List.of(at.topic())));
        }
    }

    private static void read(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, TreeSet<Long>> remaining,
                             Map<RecordCoordinates, FetchedRecord> answers) {
        if (remaining.isEmpty()) {
            return;
        }
        consumer.assign(new ArrayList<>(remaining.keySet()));
        remaining.forEach((tp, offsets) -> consumer.seek(tp, offsets.first()));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!remaining.isEmpty() && System.nanoTime() < deadline) {
            ConsumerRecords<byte[], byte[]> polled;
            try {
                polled = consumer.poll(Duration.ofMillis(100));
            } catch (AuthorizationException e) {
                remaining.forEach((tp, offsets) -> offsets.forEach(offset -> answers.put(new RecordCoordinates(tp.topic(), tp.partition(), offset),
                        FetchedRecord.unavailable(new RecordCoordinates(tp.topic(), tp.partition(), offset), FetchedRecord.Unavailable.NOT_AUTHORIZED,
                                ConnectionProblem.notAuthorizedToRead(List.of(tp.topic()))))));
                return;
            }
            for (TopicPartition tp : polled.partitions()) {
                TreeSet<Long> offsets = remaining.get(tp);
                if (offsets == null) {
                    continue;
                }
                long last = take(polled.records(tp), offsets, answers);
                if (offsets.isEmpty()) {
                    remaining.remove(tp);
                    consumer.pause(List.of(tp));
                } else if (offsets.first() - last > READ_ON_WITHIN) {
                    consumer.seek(tp, offsets.first());
                }
            }
        }
        remaining.forEach((tp, offsets) -> offsets.forEach(offset -> {
            RecordCoordinates at = new RecordCoordinates(tp.topic(), tp.partition(), offset);
            answers.put(at, FetchedRecord.unavailable(at, FetchedRecord.Unavailable.NO_ANSWER, "Kafka did not return it within " + WAIT.toSeconds() + " s."));
        }));
    }

    @Override
    public synchronized void close() {
        consumer.close(java.time.Duration.ofSeconds(2));
    }

    /** Answers the wanted offsets these records cover; returns the last offset read. */
    private static long take(List<ConsumerRecord<byte[], byte[]>> records, TreeSet<Long> offsets, Map<RecordCoordinates, FetchedRecord> answers) {
        long last = -1;
        for (ConsumerRecord<byte[], byte[]> record : records) {
            last = record.offset();
            while (!offsets.isEmpty() && offsets.first() < record.offset()) {
                long gone = offsets.pollFirst();
                RecordCoordinates at = new RecordCoordinates(record.topic(), record.partition(), gone);
                answers.put(at, FetchedRecord.unavailable(at, FetchedRecord.Unavailable.NOT_AT_OFFSET, "It is no longer in Kafka: compaction removed it (or it was a transaction marker)."));
            }
            if (!offsets.isEmpty() && offsets.first() == record.offset()) {
                offsets.pollFirst();
                answers.put(FetchedRecord.found(record).at(), FetchedRecord.found(record));
            }
            if (offsets.isEmpty()) {
                break;
            }
        }
        return last;
    }
}
