package io.feedlens.app.scan;

import io.feedlens.testing.ReadyTopics;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.decode.DecodedRecord;
import io.feedlens.app.decode.DecoderSettings;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.search.RecordFilter;
import io.feedlens.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@KafkaBroker
class TopicScanTest {

    private static final RecordDecoder DECODER = new RecordDecoder(DecoderSettings.automatic());
    /** Record times lie in the past: brokers refuse timestamps more than an hour ahead. */
    private static final Instant FIRST = Instant.now().minus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);

    private static void createTopic(EmbeddedKafka broker, String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            ReadyTopics.create(admin, List.of(new NewTopic(topic, partitions, (short) 1)));
        }
    }

    /** {@code count} payments over partitions 0 and 1 (any others stay empty), amounts 0..count-1, a minute apart, then a broken one. */
    private static void writePayments(EmbeddedKafka broker, String topic, int count, Instant first) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, i % 2, first.plusSeconds(60L * i).toEpochMilli(), "card-" + i,
                        "{\"amount\":" + i + ",\"card\":\"card-" + i + "\"}"));
            }
            producer.send(new ProducerRecord<>(topic, 0, first.plusSeconds(60L * count).toEpochMilli(), "broken", "{\"amount\": 1")).get();
        }
    }

    private static ScanResult scan(EmbeddedKafka broker, ScanRequest request) {
        List<DecodedRecord> matches = Collections.synchronizedList(new ArrayList<>());
        ScanHandle handle = TopicScan.start(Map.of("bootstrap.servers", broker.bootstrapServers()), DECODER, request, matches::addAll);
        ScanSummary summary = handle.completion().orTimeout(30, TimeUnit.SECONDS).join();
        return new ScanResult(summary, List.copyOf(matches));
    }

    record ScanResult(ScanSummary summary, List<DecodedRecord> matches) {
        List<Long> amounts() {
            return matches.stream().filter(r -> r.value().ok()).map(r -> r.value().tree().path("amount").asLong()).sorted().toList();
        }
    }

    @Test
    void aFilteredScanReadsEveryPartitionToItsEndAndCountsWhatItSaw(EmbeddedKafka broker) throws Exception {
        createTopic(broker, "scan.filter", 3);
        writePayments(broker, "scan.filter", 200, FIRST);

        ScanResult result = scan(broker, ScanRequest.wholeTopic("scan.filter", RecordFilter.of("value.amount >= 190", null)));

        assertThat(result.summary().complete()).isTrue();
        assertThat(result.amounts()).containsExactly(190L, 191L, 192L, 193L, 194L, 195L, 196L, 197L, 198L, 199L);
        ScanProgress figures = result.summary().figures();
        assertThat(figures.scanned()).isEqualTo(201);
        assertThat(figures.matched()).isEqualTo(10);
        assertThat(figures.undecoded()).isEqualTo(1);
        assertThat(figures.filterErrors()).as("the broken record has no amount to compare").isEqualTo(1);
        assertThat(figures.partitionsDone()).isEqualTo(3).isEqualTo(figures.partitionsTotal());
        assertThat(figures.bytes()).isGreaterThan(200 * 20);
    }

    @Test
    void emptyPartitionsAreNotWaitedFor(EmbeddedKafka broker) throws Exception {
        createTopic(broker, "scan.empty", 4);

        long began = System.nanoTime();
        ScanResult result = scan(broker, ScanRequest.wholeTopic("scan.empty", RecordFilter.all()));

        assertThat(result.summary().complete()).isTrue();
        assertThat(result.matches()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void startingAtATimeOrAnOffsetAndStoppingAtATime(EmbeddedKafka broker) throws Exception {
        createTopic(broker, "scan.window", 3);
        Instant first = FIRST;
        writePayments(broker, "scan.window", 100, first);

        ScanResult between = scan(broker, ScanRequest.wholeTopic("scan.window", RecordFilter.all())
                .from(new StartAt.Time(first.plusSeconds(60 * 10))).until(first.plusSeconds(60 * 20)));
        ScanResult fromOffset = scan(broker, ScanRequest.wholeTopic("scan.window", RecordFilter.all())
                .from(new StartAt.Offset(48)).partitions(List.of(1)));

        assertThat(between.amounts()).containsExactly(10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L);
        assertThat(fromOffset.amounts()).containsExactly(97L, 99L);
    }

    @Test
    void newestTakesTheLastRecordsOfEachPartition(EmbeddedKafka broker) throws Exception {
        createTopic(broker, "scan.newest", 3);
        writePayments(broker, "scan.newest", 50, FIRST);

        ScanResult result = scan(broker, ScanRequest.wholeTopic("scan.newest", RecordFilter.all()).from(new StartAt.Newest(3)));

        assertThat(result.matches()).hasSize(6);
        assertThat(result.amounts()).containsExactly(45L, 46L, 47L, 48L, 49L);
    }

    @Test
    void aLimitStopsTheScanAtThatManyMatches(EmbeddedKafka broker) throws Exception {
        createTopic(broker, "scan.limit", 3);
        writePayments(broker, "scan.limit", 500, FIRST);

        ScanResult result = scan(broker, ScanRequest.wholeTopic("scan.limit", RecordFilter.all()).limit(7));

        assertThat(result.matches()).hasSize(7);
        assertThat(result.summary().figures().matched()).isEqualTo(7);
        assertThat(result.summary().problem()).isNull();
    }

    @Test
    void aMissingTopicIsAProblemNotAnException(EmbeddedKafka broker) {
        ScanResult result = scan(broker, ScanRequest.wholeTopic("scan.nowhere", RecordFilter.all()));

        assertThat(result.summary().problem()).isEqualTo("Topic 'scan.nowhere' does not exist.");
    }

    @Test
    void abortedTransactionsDoNotShowUnderReadCommitted(EmbeddedKafka broker) throws Exception {
        createTopic(broker, "scan.tx", 1);
        Map<String, Object> config = Map.of("bootstrap.servers", broker.bootstrapServers(), "transactional.id", "scan-test-tx");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("scan.tx", "k", "{\"kept\":true}"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("scan.tx", "k", "{\"kept\":false}"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("scan.tx", "k", "{\"kept\":true}"));
            producer.commitTransaction();
        }

        ScanResult committed = scan(broker, ScanRequest.wholeTopic("scan.tx", RecordFilter.all()).readCommitted(true));
        ScanResult everything = scan(broker, ScanRequest.wholeTopic("scan.tx", RecordFilter.all()).readCommitted(false));

        assertThat(committed.matches()).hasSize(2).allSatisfy(r -> assertThat(r.value().tree().path("kept").booleanValue()).isTrue());
        assertThat(everything.matches()).hasSize(3);
    }

    @Test
    void aCancelledScanEndsPromptlyAndKeepsItsMatches(EmbeddedKafka broker) throws Exception {
        createTopic(broker, "scan.cancel", 2);
        writePayments(broker, "scan.cancel", 3000, FIRST);
        List<DecodedRecord> matches = Collections.synchronizedList(new ArrayList<>());
        ScanHandle handle = TopicScan.start(Map.of("bootstrap.servers", broker.bootstrapServers(), "max.poll.records", 100), DECODER,
                ScanRequest.wholeTopic("scan.cancel", RecordFilter.all()), batch -> {
                    matches.addAll(batch);
                    sleep(50);
                });

        sleep(300);
        handle.cancel();
        ScanSummary summary = handle.completion().orTimeout(10, TimeUnit.SECONDS).join();

        assertThat(summary.cancelled()).isTrue();
        assertThat(summary.problem()).isNull();
        assertThat(summary.figures().matched()).isEqualTo(matches.size()).isLessThan(3001);
    }

    @Test
    void aBrokerThatStopsMidScanGivesAClearProblemAndTheMatchesStay(@TempDir Path folder) throws Exception {
        EmbeddedKafka own = EmbeddedKafka.start(folder);
        createTopic(own, "scan.dying", 2);
        writePayments(own, "scan.dying", 2000, FIRST);
        List<DecodedRecord> matches = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
        ScanHandle handle = TopicScan.start(Map.of("bootstrap.servers", own.bootstrapServers(), "max.poll.records", 100,
                        "fetch.max.bytes", 4096, "max.partition.fetch.bytes", 4096), DECODER,
                ScanRequest.wholeTopic("scan.dying", RecordFilter.all()), batch -> {
                    matches.addAll(batch);
                    if (matches.size() >= 100 && stopped.compareAndSet(false, true)) {
                        own.close(); // the reader waits here until the broker is gone, then finds it gone
                    }
                });

        long began = System.nanoTime();
        ScanSummary summary = handle.completion().orTimeout(40, TimeUnit.SECONDS).join();

        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(20));
        assertThat(summary.problem()).isNotNull().containsAnyOf("stopped answering", "The scan stopped");
        assertThat(matches).hasSizeGreaterThanOrEqualTo(100).hasSizeLessThan(2001);
        assertThat(summary.figures().matched()).isEqualTo(matches.size());
    }

    @Test
    void aTopicDeletedDuringTheScanIsNamedAndTheMatchesStay(EmbeddedKafka broker) throws Exception {
        createTopic(broker, "scan.deleted", 2);
        writePayments(broker, "scan.deleted", 2000, FIRST);
        List<DecodedRecord> matches = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean deleted = new java.util.concurrent.atomic.AtomicBoolean();
        ScanHandle handle = TopicScan.start(Map.of("bootstrap.servers", broker.bootstrapServers(), "max.poll.records", 50,
                        "fetch.max.bytes", 2048, "max.partition.fetch.bytes", 2048), DECODER,
                ScanRequest.wholeTopic("scan.deleted", RecordFilter.all()), batch -> {
                    matches.addAll(batch);
                    if (deleted.compareAndSet(false, true)) {
                        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                            admin.deleteTopics(List.of("scan.deleted")).all().get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });

        ScanSummary summary = handle.completion().orTimeout(40, TimeUnit.SECONDS).join();

        assertThat(summary.problem()).isNotNull().containsAnyOf("was deleted during the scan", "The scan stopped");
        assertThat(matches).isNotEmpty().hasSizeLessThan(2001);
        assertThat(summary.figures().matched()).isEqualTo(matches.size());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
