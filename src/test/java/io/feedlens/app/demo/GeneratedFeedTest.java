package io.feedlens.app.demo;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.lineage.CloudEventHeaders;
import io.feedlens.testing.KafkaBroker;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@KafkaBroker
class GeneratedFeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DECISIONS = 40;

    @Test
    void generatedFeedMatchesItsGroundTruthWhenReadBackFromKafka(EmbeddedKafka broker) throws Exception {
        DemoTopics topics = freshTopics(broker, "truth");
        GroundTruth truth = generate(broker, spec(DECISIONS, 42L, topics));
        Feed feed = Feed.read(broker.bootstrapServers(), topics);

        assertThat(truth.recordsWritten()).containsExactlyInAnyOrderEntriesOf(Map.of(
                topics.payments(), feed.payments.size(), topics.txnVelocity(), feed.velocity.size(),
                topics.amountStats(), feed.stats.size(), topics.decisions(), feed.decisions.size()));
        assertThat(truth.decisions()).hasSize(DECISIONS);
        eventsAreWhereTheTruthSays(truth, feed);
        featuresCarryTheTruthsLineage(truth, feed);
        decisionsNameTheTruthsFeatures(truth, feed);
    }

    @Test
    void generatedFeedPlantsEveryHardCase(EmbeddedKafka broker) throws Exception {
        DemoTopics topics = freshTopics(broker, "hard");
        GroundTruth truth = generate(broker, spec(DECISIONS, 7L, topics));
        Feed feed = Feed.read(broker.bootstrapServers(), topics);

        duplicateEventSitsAtTwoOffsetsWithOneId(truth, feed);
        lateEventIsWrittenAfterALaterOne(truth, feed);
        velocityVersionFourIsRolledOutAndBack(truth, feed);
        amountStatsChangesSchemaMidstream(truth, feed);
        decisionsWithoutUsedListAndMismatchAndStaleAreThere(truth, feed);
        invalidRecordsAreThereAndDoNotDecode(truth, feed);
    }

    @Test
    void sameSeedWritesTheSameFeedWhateverTheTopics(EmbeddedKafka broker) throws Exception {
        GroundTruth first = generate(broker, spec(DECISIONS, 99L, freshTopics(broker, "same-a")));
        GroundTruth second = generate(broker, spec(DECISIONS, 99L, freshTopics(broker, "same-b")));
        GroundTruth other = generate(broker, spec(DECISIONS, 100L, freshTopics(broker, "same-c")));

        assertThat(withoutPlacement(second)).isEqualTo(withoutPlacement(first));
        assertThat(withoutPlacement(other)).isNotEqualTo(withoutPlacement(first));
        assertThat(GroundTruth.fromJson(first.toJson())).as("the truth survives a JSON round trip").isEqualTo(first);
    }

    // --- the truth's facts, checked against what Kafka holds ---

    private static void eventsAreWhereTheTruthSays(GroundTruth truth, Feed feed) {
        Map<String, List<String>> offsetsById = feed.payments.stream().collect(groupingBy(r -> header(r, CloudEventHeaders.ID),
                mapping(r -> TopicContents.coordinatesOf(r).toString(), toList())));
        for (GroundTruth.Event event : truth.events()) {
            assertThat(offsetsById.get(event.id())).as("payment %s", event.id()).containsExactlyElementsOf(event.coordinates());
            ConsumerRecord<byte[], byte[]> record = feed.at(event.coordinates().get(0));
            JsonNode json = json(record.value());
            assertThat(json.path("payment_id").asText()).isEqualTo(event.id());
            assertThat(json.path("card").asText()).isEqualTo(event.entity()).isEqualTo(header(record, CloudEventHeaders.SUBJECT));
            assertThat(Instant.parse(header(record, CloudEventHeaders.TIME))).isEqualTo(event.eventTime());
            assertThat(record.timestamp()).isEqualTo(event.eventTime().toEpochMilli());
            assertThat(header(record, CloudEventHeaders.TRACEPARENT)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/payments/gateway");
        }
    }

    private static void featuresCarryTheTruthsLineage(GroundTruth truth, Feed feed) {
        for (GroundTruth.Feature feature : truth.features()) {
            ConsumerRecord<byte[], byte[]> record = feed.at(feature.coordinates());
            assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(feature.id());
            assertThat(header(record, CloudEventHeaders.LINEAGE_PARENTS).split(","))
                    .containsExactlyElementsOf(feature.derivedFrom().stream().map(id -> "id:" + id).toList());
            assertThat(feature.derivedFrom()).contains(header(record, CloudEventHeaders.CAUSATION_ID));
            assertThat(header(record, CloudEventHeaders.FEATURE_VIEW)).isEqualTo(feature.featureView());
            assertThat(header(record, CloudEventHeaders.FEATURE_VERSION)).isEqualTo(String.valueOf(feature.version()));
            assertThat(Instant.parse(header(record, CloudEventHeaders.TIME))).isEqualTo(feature.asOf());
            GenericRecord value = decode(record);
            assertThat(value.get("entity").toString()).isEqualTo(feature.entity());
            assertThat(value.get("as_of")).isEqualTo(feature.asOf().toEpochMilli());
            assertThat(FeatureSchemas.valueOf(value)).isEqualTo(feature.value());
            assertThat(fingerprintOf(record)).isEqualTo(feature.schemaFingerprint());
        }
    }

    private static void decisionsNameTheTruthsFeatures(GroundTruth truth, Feed feed) {
        for (GroundTruth.Decision decision : truth.decisions()) {
            ConsumerRecord<byte[], byte[]> record = feed.at(decision.coordinates());
            JsonNode json = json(record.value());
            assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(decision.id()).isEqualTo(json.path("decision_id").asText());
            assertThat(header(record, CloudEventHeaders.MODEL_ID)).isEqualTo("fraud-gbm");
            assertThat(Instant.parse(json.path("decided_at").asText())).isEqualTo(decision.decidedAt());
            assertThat(json.has("used")).isEqualTo(decision.hasUsedList());
            if (decision.hasUsedList()) {
                assertThat(usedIds(json)).containsExactlyElementsOf(decision.usedFeatureIds());
            }
            assertThat(decision.usedFeatureIds()).allSatisfy(id -> assertThat(feed.featureIds()).contains(id));
        }
    }

    private static void duplicateEventSitsAtTwoOffsetsWithOneId(GroundTruth truth, Feed feed) {
        GroundTruth.HardCase duplicate = single(truth, GroundTruth.Kind.DUPLICATE_EVENT);
        List<ConsumerRecord<byte[], byte[]>> copies = feed.payments.stream()
                .filter(r -> duplicate.ids().get(0).equals(header(r, CloudEventHeaders.ID))).toList();
        assertThat(copies).hasSize(2);
        assertThat(copies.stream().map(r -> r.offset()).distinct()).hasSize(2);
        assertThat(copies.get(0).value()).isEqualTo(copies.get(1).value());
        assertThat(duplicate.coordinates()).containsExactlyInAnyOrderElementsOf(
                copies.stream().map(r -> TopicContents.coordinatesOf(r).toString()).toList());
    }

    private static void lateEventIsWrittenAfterALaterOne(GroundTruth truth, Feed feed) {
        List<GroundTruth.HardCase> lateCases = truth.hardCases(GroundTruth.Kind.LATE_EVENT);
        assertThat(lateCases).hasSizeGreaterThanOrEqualTo(2);
        for (GroundTruth.HardCase late : lateCases) {
            ConsumerRecord<byte[], byte[]> lateRecord = feed.payment(late.ids().get(0));
            ConsumerRecord<byte[], byte[]> earlierWritten = feed.payment(late.ids().get(1));
            assertThat(lateRecord.partition()).isEqualTo(earlierWritten.partition());
            assertThat(lateRecord.offset()).isGreaterThan(earlierWritten.offset());
            assertThat(lateRecord.timestamp()).isLessThan(earlierWritten.timestamp());
            assertThat(Instant.parse(header(lateRecord, CloudEventHeaders.TIME)))
                    .isBefore(Instant.parse(header(earlierWritten, CloudEventHeaders.TIME)));
        }
    }

    private static void velocityVersionFourIsRolledOutAndBack(GroundTruth truth, Feed feed) {
        List<String> versionsInOrder = truth.features().stream()
                .filter(f -> f.featureView().equals("txn_velocity_5m"))
                .map(f -> header(feed.at(f.coordinates()), CloudEventHeaders.FEATURE_VERSION)).toList();
        String runs = collapseRuns(versionsInOrder);
        assertThat(runs).isEqualTo("3,4,3");
        String rolledOut = single(truth, GroundTruth.Kind.VERSION_ROLLOUT).ids().get(0);
        String rolledBack = single(truth, GroundTruth.Kind.VERSION_ROLLBACK).ids().get(0);
        assertThat(header(feed.feature(rolledOut), CloudEventHeaders.FEATURE_VERSION)).isEqualTo("4");
        assertThat(header(feed.feature(rolledBack), CloudEventHeaders.FEATURE_VERSION)).isEqualTo("3");
        assertThat(decode(feed.feature(rolledOut)).get("feature_version")).isEqualTo(4);
    }

    private static void amountStatsChangesSchemaMidstream(GroundTruth truth, Feed feed) {
        List<String> fingerprints = truth.features().stream().filter(f -> f.featureView().equals("amount_stats_1h"))
                .map(f -> fingerprintOf(feed.at(f.coordinates()))).toList();
        assertThat(collapseRuns(fingerprints).split(",")).hasSize(2);
        GroundTruth.HardCase change = single(truth, GroundTruth.Kind.SCHEMA_CHANGE);
        GenericRecord before = decode(feed.feature(change.ids().get(0)));
        GenericRecord after = decode(feed.feature(change.ids().get(1)));
        assertThat(before.get("max_amount")).isNull();
        assertThat(after.get("max_amount")).isInstanceOf(Double.class);
        assertThat(fingerprintOf(feed.feature(change.ids().get(1)))).isEqualTo(FeatureSchemas.fingerprint(FeatureSchemas.AMOUNT_STATS_V2));
    }

    private static void decisionsWithoutUsedListAndMismatchAndStaleAreThere(GroundTruth truth, Feed feed) {
        List<GroundTruth.HardCase> withoutUsed = truth.hardCases(GroundTruth.Kind.DECISION_WITHOUT_USED);
        assertThat(withoutUsed).hasSizeGreaterThanOrEqualTo(2);
        withoutUsed.forEach(c -> assertThat(json(feed.decision(c.ids().get(0)).value()).has("used")).isFalse());

        GroundTruth.HardCase mismatch = single(truth, GroundTruth.Kind.LOGGED_VALUE_MISMATCH);
        JsonNode logged = usedEntry(feed.decision(mismatch.ids().get(0)), mismatch.ids().get(1));
        assertThat(logged.path("value").asDouble()).isNotEqualTo(FeatureSchemas.valueOf(decode(feed.feature(mismatch.ids().get(1)))));

        GroundTruth.HardCase stale = single(truth, GroundTruth.Kind.STALE_FEATURE);
        ConsumerRecord<byte[], byte[]> decision = feed.decision(stale.ids().get(0));
        JsonNode used = usedEntry(decision, stale.ids().get(1));
        assertThat(used.path("status").asText()).isEqualTo("PRESENT");
        Instant decidedAt = Instant.parse(json(decision.value()).path("decided_at").asText());
        Instant asOf = Instant.ofEpochMilli((Long) decode(feed.feature(stale.ids().get(1))).get("as_of"));
        assertThat(Duration.between(asOf, decidedAt)).isGreaterThan(FeatureView.AMOUNT_STATS_1H.ttl());
    }

    private static void invalidRecordsAreThereAndDoNotDecode(GroundTruth truth, Feed feed) {
        ConsumerRecord<byte[], byte[]> payment = feed.at(single(truth, GroundTruth.Kind.INVALID_PAYMENT).coordinates().get(0));
        assertThatThrownBy(() -> JSON.readTree(payment.value())).isInstanceOf(IOException.class);
        ConsumerRecord<byte[], byte[]> feature = feed.at(single(truth, GroundTruth.Kind.INVALID_FEATURE).coordinates().get(0));
        assertThat(Arrays.copyOf(feature.value(), 2)).containsExactly(0xC3, 0x02);
        assertThatThrownBy(() -> FeatureSchemas.decoderFor(FeatureView.AMOUNT_STATS_1H).decode(feature.value()))
                .isInstanceOf(RuntimeException.class);
        Set<String> invalidIds = Set.of(single(truth, GroundTruth.Kind.INVALID_PAYMENT).ids().get(0),
                single(truth, GroundTruth.Kind.INVALID_FEATURE).ids().get(0));
        assertThat(truth.decisions()).allSatisfy(d -> assertThat(d.usedFeatureIds()).doesNotContainAnyElementsOf(invalidIds));
        assertThat(truth.features()).allSatisfy(f -> assertThat(f.derivedFrom()).doesNotContainAnyElementsOf(invalidIds));
    }

    // --- helpers ---

    /** Everything the feed wrote, read back from Kafka. */
    private record Feed(List<ConsumerRecord<byte[], byte[]>> payments, List<ConsumerRecord<byte[], byte[]>> velocity,
                        List<ConsumerRecord<byte[], byte[]>> stats, List<ConsumerRecord<byte[], byte[]>> decisions,
                        Map<String, ConsumerRecord<byte[], byte[]>> byCoordinates) {

        static Feed read(String bootstrap, DemoTopics topics) {
            var payments = TopicContents.readAll(bootstrap, topics.payments());
            var velocity = TopicContents.readAll(bootstrap, topics.txnVelocity());
            var stats = TopicContents.readAll(bootstrap, topics.amountStats());
            var decisions = TopicContents.readAll(bootstrap, topics.decisions());
            Map<String, ConsumerRecord<byte[], byte[]>> byCoordinates = Stream.of(payments, velocity, stats, decisions)
                    .flatMap(List::stream).collect(Collectors.toMap(r -> TopicContents.coordinatesOf(r).toString(), Function.identity()));
            return new Feed(payments, velocity, stats, decisions, byCoordinates);
        }

        ConsumerRecord<byte[], byte[]> at(String coordinates) {
            assertThat(byCoordinates).containsKey(coordinates);
            return byCoordinates.get(coordinates);
        }

        ConsumerRecord<byte[], byte[]> payment(String id) {
            return byId(payments, id);
        }

        ConsumerRecord<byte[], byte[]> feature(String id) {
            return byId(Stream.concat(velocity.stream(), stats.stream()).toList(), id);
        }

        ConsumerRecord<byte[], byte[]> decision(String id) {
            return byId(decisions, id);
        }

        Set<String> featureIds() {
            return Stream.concat(velocity.stream(), stats.stream())
                    .map(r -> header(r, CloudEventHeaders.ID)).collect(Collectors.toSet());
        }

        private static ConsumerRecord<byte[], byte[]> byId(List<ConsumerRecord<byte[], byte[]>> records, String id) {
            return records.stream().filter(r -> id.equals(header(r, CloudEventHeaders.ID))).findFirst()
                    .orElseThrow(() -> new AssertionError("No record with ce_id " + id));
        }
    }

    static DemoTopics freshTopics(EmbeddedKafka broker, String name) {
        DemoTopics topics = new DemoTopics("t-" + name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            topics.ensureExist(admin);
            topics.ensureExist(admin);
        }
        return topics;
    }

    /** One start for the whole class, so feeds of the same seed are comparable; near now, as brokers want. */
    private static final Instant START = FeedSpec.startEndingBefore(DECISIONS, Instant.now());

    private static FeedSpec spec(int decisions, long seed, DemoTopics topics) {
        return new FeedSpec(decisions, seed, START, topics);
    }

    private static GroundTruth generate(EmbeddedKafka broker, FeedSpec spec) {
        try (var producer = GeneratedFeed.openProducer(broker.bootstrapServers())) {
            return GeneratedFeed.generate(spec, producer);
        }
    }

    /** The truth without what depends on where it was written: coordinates and the topic prefix. */
    private static GroundTruth withoutPlacement(GroundTruth truth) {
        return new GroundTruth(truth.seed(), truth.decisionCount(), truth.start(), "",
                truth.events().stream().map(e -> new GroundTruth.Event(e.id(), e.entity(), e.eventTime(), List.of())).toList(),
                truth.features().stream().map(f -> new GroundTruth.Feature(f.id(), f.featureView(), f.version(), f.entity(),
                        f.asOf(), f.value(), f.schemaFingerprint(), "", f.derivedFrom())).toList(),
                truth.decisions().stream().map(d -> new GroundTruth.Decision(d.id(), d.decidedAt(), d.entity(), "", d.hasUsedList(),
                        d.usedFeatureIds(), d.staleFeatureIds(), d.mismatchedFeatureIds())).toList(),
                truth.hardCases().stream().map(c -> new GroundTruth.HardCase(c.kind(), c.ids(), List.of(), c.note())).toList(),
                truth.recordsWritten().entrySet().stream().collect(Collectors.toMap(
                        e -> e.getKey().substring(truth.topicPrefix().length()), Map.Entry::getValue)));
    }

    private static GroundTruth.HardCase single(GroundTruth truth, GroundTruth.Kind kind) {
        List<GroundTruth.HardCase> cases = truth.hardCases(kind);
        assertThat(cases).as(kind.name()).hasSize(1);
        return cases.get(0);
    }

    private static GenericRecord decode(ConsumerRecord<byte[], byte[]> record) {
        BinaryMessageDecoder<GenericRecord> decoder = new BinaryMessageDecoder<>(GenericData.get(), FeatureSchemas.AMOUNT_STATS_V2);
        decoder.addSchema(FeatureSchemas.AMOUNT_STATS_V1);
        decoder.addSchema(FeatureSchemas.TXN_VELOCITY);
        if (header(record, CloudEventHeaders.FEATURE_VIEW).equals("txn_velocity_5m")) {
            decoder = new BinaryMessageDecoder<>(GenericData.get(), FeatureSchemas.TXN_VELOCITY);
        }
        try {
            return decoder.decode(record.value());
        } catch (IOException e) {
            throw new AssertionError("Feature record does not decode: " + e, e);
        }
    }

    /** The 8-byte little-endian fingerprint after C3 01, as hex of the long it encodes. */
    private static String fingerprintOf(ConsumerRecord<byte[], byte[]> record) {
        assertThat(Arrays.copyOf(record.value(), 2)).containsExactly(0xC3, 0x01);
        long fingerprint = ByteBuffer.wrap(record.value(), 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return HexFormat.of().toHexDigits(fingerprint);
    }

    private static List<String> usedIds(JsonNode decision) {
        return StreamSupport.stream(decision.path("used").spliterator(), false)
                .map(u -> u.path("feature_id").asText()).toList();
    }

    private static JsonNode usedEntry(ConsumerRecord<byte[], byte[]> decision, String featureId) {
        for (JsonNode used : json(decision.value()).path("used")) {
            if (used.path("feature_id").asText().equals(featureId)) {
                return used;
            }
        }
        throw new AssertionError("Decision " + header(decision, CloudEventHeaders.ID) + " does not log " + featureId);
    }

    /** "3,3,4,4,3" becomes "3,4,3". */
    private static String collapseRuns(List<String> values) {
        StringBuilder runs = new StringBuilder();
        String last = null;
        for (String value : values) {
            if (!value.equals(last)) {
                runs.append(runs.isEmpty() ? "" : ",").append(value);
                last = value;
            }
        }
        return runs.toString();
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        return FeedRecords.header(record, name);
    }

    private static JsonNode json(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + e.getMessage(), e);
        }
    }
}
