package io.feedlens.app.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.decode.DecodedRecord;
import io.feedlens.app.decode.DecoderSettings;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.search.RecordFilter;
import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.testing.KafkaBroker;
import io.feedlens.testing.ReadyTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A compacted topic whose partitions skip offsets: the log cleaner really ran (the test waits until records are gone),
 * and every way of browsing returns exactly the surviving records, ends, and counts what it read.
 */
@KafkaBroker
class CompactedTopicScanTest {

    private static final String TOPIC = "scan.compacted";
    private static final int PER_PARTITION = 100;
    private static final RecordDecoder DECODER = new RecordDecoder(DecoderSettings.automatic());
    /** Past times: the broker refuses timestamps more than an hour ahead, and old ones also make every batch roll a segment. */
    private static final Instant FIRST = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);

    /** What the log cleaner left, read straight from Kafka, in partition then offset order. */
    private static List<Survivor> survivors;

    record Survivor(int partition, long offset, long timestamp) {
    }

    @BeforeAll
    static void writeAndCompact(EmbeddedKafka broker) throws Exception {
        Map<String, Object> client = Map.of("bootstrap.servers", broker.bootstrapServers());
        try (Admin admin = Admin.create(client)) {
            ReadyTopics.create(admin, List.of(new NewTopic(TOPIC, 2, (short) 1).configs(Map.of(
                    "cleanup.policy", "compact", "segment.ms", "100", "min.cleanable.dirty.ratio", "0.01",
                    "min.compaction.lag.ms", "0", "delete.retention.ms", "0"))));
        }
        try (var producer = new KafkaProducer<>(client, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < PER_PARTITION; i++) {
                for (int partition = 0; partition < 2; partition++) {
                    // Every fourth key is kept; the other three keys are overwritten again and again.
                    String key = i % 4 == 0 ? "keep-" + i : "hot-" + i % 4;
                    producer.send(new ProducerRecord<>(TOPIC, partition, timeOf(partition, i), key,
                            "{\"i\":" + i + ",\"partition\":" + partition + "}"));
                }
                if (i % 10 == 9) {
                    producer.flush(); // a batch per ten records; each rolls a segment (segment.ms, old timestamps)
                    Thread.sleep(150);
                }
            }
        }
        survivors = awaitCompaction(client);
    }

    private static long timeOf(int partition, int i) {
        return FIRST.plus(Duration.ofMinutes(2L * i + partition)).toEpochMilli();
    }

    /**
     * Reads the topic until the cleaner compacted both partitions as far as it can: each overwritten key is left once
     * at most among the records written before the last ten (the cleaner keeps the last of each key in the part it
     * cleans, and the last ten may still be in the active segment, which it never cleans). Removing some is not
     * enough: the cleaner may first clean part of a partition while it is still being written, and it wakes every
     * 15 s; the tests then saw a survivor disappear between the snapshot and a scan.
     */
    private static List<Survivor> awaitCompaction(Map<String, Object> client) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            TopicReader.readAll(client, List.of(TOPIC), records::add);
            boolean bothCleaned = cleaned(records, 0) && cleaned(records, 1);
            if (bothCleaned) {
                return records.stream().map(r -> new Survivor(r.partition(), r.offset(), r.timestamp()))
                        .sorted(Comparator.comparingInt(Survivor::partition).thenComparingLong(Survivor::offset)).toList();
            }
            assertThat(System.nanoTime()).as("the log cleaner compacted " + TOPIC + " within 90 s").isLessThan(deadline);
            Thread.sleep(1000);
        }
    }

    /** A partition's offsets are its i, and the kept keys those of every fourth i; there are three overwritten keys. */
    private static boolean cleaned(List<ConsumerRecord<byte[], byte[]>> records, int partition) {
        List<Long> offsets = records.stream().filter(r -> r.partition() == partition).map(ConsumerRecord::offset).toList();
        return !offsets.isEmpty() && offsets.stream().filter(offset -> offset < PER_PARTITION - 10 && offset % 4 != 0).count() <= 3;
    }

    private static ScanSummary scan(EmbeddedKafka broker, ScanRequest request, List<DecodedRecord> matches) {
        ScanHandle handle = TopicScan.start(Map.of("bootstrap.servers", broker.bootstrapServers()), DECODER, request, matches::addAll);
        return handle.completion().orTimeout(30, TimeUnit.SECONDS).join();
    }

    private static List<Survivor> scanned(EmbeddedKafka broker, ScanRequest request) {
        List<DecodedRecord> matches = Collections.synchronizedList(new ArrayList<>());
        ScanSummary summary = scan(broker, request, matches);
        assertThat(summary.complete()).as(String.valueOf(summary.problem())).isTrue();
        assertThat(summary.figures().partitionsDone()).isEqualTo(summary.figures().partitionsTotal()).isEqualTo(2);
        assertThat(summary.figures().scanned()).as("records read = records that exist in the ranges").isEqualTo(matches.size());
        assertThat(summary.figures().matched()).isEqualTo(matches.size());
        return matches.stream().map(r -> new Survivor(r.coordinates().partition(), r.coordinates().offset(), r.timestamp()))
                .sorted(Comparator.comparingInt(Survivor::partition).thenComparingLong(Survivor::offset)).toList();
    }

    private static ScanRequest everything() {
        return ScanRequest.wholeTopic(TOPIC, RecordFilter.all());
    }

    @Test
    void theCleanerLeftGapsInBothPartitions() {
        assertThat(survivors).hasSizeLessThan(2 * PER_PARTITION);
        assertThat(survivors).filteredOn(s -> s.partition() == 0).extracting(Survivor::offset).doesNotContain(1L, 2L, 3L).contains(0L, 4L);
    }

    @Test
    void theWholeTopicIsExactlyTheSurvivors(EmbeddedKafka broker) {
        assertThat(scanned(broker, everything())).isEqualTo(survivors);
    }

    @Test
    void newestNCountsRecordsNotOffsetsAndReachesBackOverGaps(EmbeddedKafka broker) {
        int n = 15;
        List<Survivor> expected = new ArrayList<>();
        for (int partition = 0; partition < 2; partition++) {
            int p = partition;
            List<Survivor> of = survivors.stream().filter(s -> s.partition() == p).toList();
            expected.addAll(of.subList(Math.max(0, of.size() - n), of.size()));
        }

        assertThat(scanned(broker, everything().from(new StartAt.Newest(n)))).isEqualTo(expected);
        assertThat(scanned(broker, everything().from(new StartAt.Newest(1000)))).as("more than there is: all of it").isEqualTo(survivors);
    }

    @Test
    void fromAnOffsetTheCleanerRemovedStartsAtTheNextSurvivor(EmbeddedKafka broker) {
        long removed = 41; // key hot-1: overwritten, so compacted away in both partitions
        assertThat(survivors).extracting(Survivor::offset).doesNotContain(removed);

        assertThat(scanned(broker, everything().from(new StartAt.Offset(removed))))
                .isEqualTo(survivors.stream().filter(s -> s.offset() >= removed).toList());
    }

    @Test
    void betweenTwoTimesGivesTheSurvivorsWrittenThen(EmbeddedKafka broker) {
        Instant from = Instant.ofEpochMilli(timeOf(0, 21));
        Instant until = Instant.ofEpochMilli(timeOf(1, 70));

        assertThat(scanned(broker, everything().from(new StartAt.Time(from)).until(until)))
                .isEqualTo(survivors.stream().filter(s -> s.timestamp() >= from.toEpochMilli() && s.timestamp() < until.toEpochMilli()).toList());
    }

    @Test
    void aFilterOnACompactedTopicSeesOnlySurvivors(EmbeddedKafka broker) throws Exception {
        List<DecodedRecord> matches = Collections.synchronizedList(new ArrayList<>());
        ScanSummary summary = scan(broker, ScanRequest.wholeTopic(TOPIC, RecordFilter.of("value.i % 4 == 0", null)), matches);

        assertThat(summary.figures().scanned()).isEqualTo(survivors.size());
        assertThat(matches).extracting(DecodedRecord::coordinates).containsExactlyInAnyOrderElementsOf(survivors.stream()
                .filter(s -> s.offset() % 4 == 0).map(s -> new RecordCoordinates(TOPIC, s.partition(), s.offset())).toList());
    }
}
