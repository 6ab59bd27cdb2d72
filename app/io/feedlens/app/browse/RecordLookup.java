package io.feedlens.app.browse;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.feedlens.app.browse.FetchOutcome.Unavailable;
import io.feedlens.app.scan.ReadingConsumers;
import io.feedlens.lineage.RecordCoordinates;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads many records by their coordinates at once and says, for each one it cannot bring back, why — the topic is
 * gone, the offset has left retention, the connection may not read the topic, nothing is at that offset — instead of
 * {@link RecordFetch}'s bare "empty". One admin round for topics and offset ranges, then one consumer reading each
 * partition from its lowest wanted offset, seeking over long gaps. Slow (network): call off the FX thread.
 */
public final class RecordLookup {

    private static final Duration WAIT = Duration.ofSeconds(8);
    /** Past this many offsets between two wanted records, seeking beats reading through. */
    private static final long SEEK_GAP = 500;
    /**
     * Kafka's 500 ms default makes every seek to another partition wait out the fetch still parked at the end of the
     * last one: 12 records took 6 s that way, 0.15 s with this (measured, see docs/benchmarks.md "report").
     */
    static final int FETCH_MAX_WAIT_MS = 5;

    private final Admin admin;
    private final Map<String, Object> clientConfig;

    public RecordLookup(Admin admin, Map<String, Object> clientConfig) {
        this.admin = admin;
        this.clientConfig = clientConfig;
    }

    /** An outcome for every coordinate asked for, in the order asked. */
    public Map<RecordCoordinates, FetchOutcome> fetch(Collection<RecordCoordinates> wanted) {
        Map<RecordCoordinates, FetchOutcome> outcomes = new HashMap<>();
        Map<TopicPartition, NavigableSet<Long>> toRead = readable(wanted, outcomes);
        if (!toRead.isEmpty()) {
            read(toRead, outcomes);
        }
        Map<RecordCoordinates, FetchOutcome> ordered = new LinkedHashMap<>();
        wanted.forEach(at -> ordered.put(at, outcomes.get(at)));
        return ordered;
    }

    /** Settles what the admin client can tell (gone, refused, out of range); returns the rest, per partition. */
    private Map<TopicPartition, NavigableSet<Long>> readable(Collection<RecordCoordinates> wanted, Map<RecordCoordinates, FetchOutcome> outcomes) {
        Map<String, TopicDescription> topics = new HashMap<>();
        Map<String, FetchOutcome> topicProblems = new HashMap<>();
        for (String topic : wanted.stream().map(RecordCoordinates::topic).distinct().toList()) {
            try {
                topics.put(topic, admin.describeTopics(List.of(topic)).topicNameValues().get(topic).get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
            } catch (Exception e) {
                topicProblems.put(topic, problem(new RecordCoordinates(topic, 0, 0), e, "the topic " + topic));
            }
        }
        Map<TopicPartition, NavigableSet<Long>> toRead = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
        for (RecordCoordinates at : wanted) {
            FetchOutcome topicProblem = topicProblems.get(at.topic());
            if (topicProblem != null) {
                outcomes.put(at, FetchOutcome.unavailable(at, topicProblem.unavailable(), topicProblem.explanation()));
            } else if (at.partition() >= topics.get(at.topic()).partitions().size()) {
                outcomes.put(at, FetchOutcome.unavailable(at, Unavailable.TOPIC_GONE, "The topic " + at.topic() + " no longer has a partition "
                        + at.partition() + " (it has " + topics.get(at.topic()).partitions().size() + ")."));
            } else {
                toRead.computeIfAbsent(new TopicPartition(at.topic(), at.partition()), tp -> new TreeSet<>()).add(at.offset());
            }
        }
        ranges(toRead, outcomes);
        return toRead;
    }

    /** Offsets below the earliest are past retention; offsets at or past the end were never (or are no longer) there. */
    private void ranges(Map<TopicPartition, NavigableSet<Long>> toRead, Map<RecordCoordinates, FetchOutcome> outcomes) {
        for (var it = toRead.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            TopicPartition tp = entry.getKey();
            long earliest;
            long end;
            try {
                earliest = offset(tp, OffsetSpec.earliest());
                end = offset(tp, OffsetSpec.latest());
            } catch (Exception e) {
                entry.getValue().forEach(offset -> outcomes.put(at(tp, offset), problem(at(tp, offset), e, "partition " + tp)));
                it.remove();
                continue;
            }
            for (var offsets = entry.getValue().iterator(); offsets.hasNext(); ) {
                long offset = offsets.next();
                if (offset < earliest) {
                    outcomes.put(at(tp, offset), FetchOutcome.unavailable(at(tp, offset), Unavailable.LEFT_RETENTION,
                            "Kafka no longer keeps it: its retention period has passed (partition " + tp.partition()
                                    + " of " + tp.topic() + " now starts at offset " + earliest + ")."));
                    offsets.remove();
                } else if (offset >= end) {
                    outcomes.put(at(tp, offset), FetchOutcome.unavailable(at(tp, offset), Unavailable.NOT_AT_OFFSET,
                            "Partition " + tp.partition() + " of " + tp.topic() + " ends before this offset (at " + end
                                    + "): the topic may have been deleted and created again."));
                    offsets.remove();
                }
            }
            if (entry.getValue().isEmpty()) {
                it.remove();
            }
        }
    }

    private long offset(TopicPartition tp, OffsetSpec spec) throws Exception {
        return admin.listOffsets(Map.of(tp, spec)).partitionResult(tp).get(WAIT.toMillis(), TimeUnit.MILLISECONDS).offset();
    }

    private void read(Map<TopicPartition, NavigableSet<Long>> toRead, Map<RecordCoordinates, FetchOutcome> outcomes) {
        Map<String, Object> config = ReadingConsumers.config(clientConfig, "feedlens-lookup", WAIT);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            toRead.forEach((tp, offsets) -> {
                try {
                    readPartition(consumer, tp, offsets, outcomes);
                } catch (KafkaException e) {
                    offsets.stream().filter(o -> !outcomes.containsKey(at(tp, o)))
                            .forEach(o -> outcomes.put(at(tp, o), problem(at(tp, o), e, "partition " + tp)));
                }
            });
        }
    }

    private static void readPartition(KafkaConsumer<byte[], byte[]> consumer, TopicPartition tp, NavigableSet<Long> offsets,
                                      Map<RecordCoordinates, FetchOutcome> outcomes) {
        consumer.assign(List.of(tp));
        Long next = offsets.first();
        consumer.seek(tp, next);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (next != null && System.nanoTime() < deadline) {
            List<ConsumerRecord<byte[], byte[]>> records = consumer.poll(Duration.ofMillis(200)).records(tp);
            long reached = records.isEmpty() ? consumer.position(tp) : records.get(records.size() - 1).offset() + 1;
            for (ConsumerRecord<byte[], byte[]> record : records) {
                next = passOver(tp, next, record.offset(), offsets, outcomes);
                if (next != null && record.offset() == next) {
                    outcomes.put(at(tp, next), FetchOutcome.found(record));
                    next = offsets.higher(next);
                }
            }
            next = passOver(tp, next, reached, offsets, outcomes);
            if (next != null && next - reached > SEEK_GAP) {
                consumer.seek(tp, next);
            }
        }
        for (Long missed = next; missed != null; missed = offsets.higher(missed)) {
            outcomes.put(at(tp, missed), FetchOutcome.unavailable(at(tp, missed), Unavailable.NO_ANSWER,
                    "Kafka did not return it within " + WAIT.toSeconds() + " s."));
        }
    }

    /** Wanted offsets below {@code reached} that the read went past without a record: compacted away or a control record. */
    private static Long passOver(TopicPartition tp, Long next, long reached, NavigableSet<Long> offsets,
                                 Map<RecordCoordinates, FetchOutcome> outcomes) {
        Long pending = next;
        while (pending != null && pending < reached) {
            outcomes.put(at(tp, pending), FetchOutcome.unavailable(at(tp, pending), Unavailable.NOT_AT_OFFSET,
                    "No record is at this offset any more: the topic was compacted, or the offset holds a transaction marker."));
            pending = offsets.higher(pending);
        }
        return pending;
    }

    /** An admin or consumer failure in words; the exception itself stays out of the report. */
    private static FetchOutcome problem(RecordCoordinates at, Exception failure, String what) {
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        Throwable cause = failure instanceof ExecutionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof UnknownTopicOrPartitionException) {
            return FetchOutcome.unavailable(at, Unavailable.TOPIC_GONE, "The topic " + at.topic() + " no longer exists on this cluster.");
        }
        if (cause instanceof AuthorizationException) {
            return FetchOutcome.unavailable(at, Unavailable.NOT_AUTHORIZED, "This connection is not authorized to read " + what + ".");
        }
        if (cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return FetchOutcome.unavailable(at, Unavailable.NO_ANSWER, "Kafka did not answer about " + what + " within " + WAIT.toSeconds() + " s.");
        }
        return FetchOutcome.unavailable(at, Unavailable.NO_ANSWER, "Kafka could not return " + what + ": " + cause.getMessage());
    }

    private static RecordCoordinates at(TopicPartition tp, long offset) {
        return new RecordCoordinates(tp.topic(), tp.partition(), offset);
    }
}
