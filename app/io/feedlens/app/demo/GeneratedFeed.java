package io.feedlens.app.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Future;

import io.feedlens.lineage.FeatureStatus;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The seeded demo feed: for each decision, one to three payments of a card, the two feature records computed from
 * them, then the fraud decision; with the hard cases of {@link HardCasePlan} planted at fixed places. Everything
 * random comes from the spec's seed, so the same spec writes the same records and returns the same truth.
 */
public final class GeneratedFeed {

    /** How long nothing happens before the stale-feature decision, longer than any TTL. */
    private static final Duration QUIET_SPELL = Duration.ofMinutes(40);
    private static final Duration LATE_BY = Duration.ofMinutes(3);

    private final FeedSpec spec;
    private final HardCasePlan plan;
    private final Random random;
    private final FeedWriter writer;
    private final CardActivity activity = new CardActivity();
    private final Map<String, FeatureValue> latestStats = new HashMap<>();
    private final List<String> cards;
    private Instant clock;
    private String lastCard;
    private FeatureValue lastStats;

    private GeneratedFeed(FeedSpec spec, Producer<byte[], byte[]> producer) {
        this.spec = spec;
        this.plan = new HardCasePlan(spec.decisions());
        this.random = new Random(spec.seed());
        this.writer = new FeedWriter(producer);
        this.cards = PaymentMix.cards(Math.max(6, Math.min(50, spec.decisions() / 3)));
        this.clock = spec.start().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Writes the feed and returns what it wrote. Order within a partition is generation order as long as the
     * producer keeps order on retries (idempotent, as {@link #producerConfig} sets it up); flushes before returning.
     */
    public static GroundTruth generate(FeedSpec spec, Producer<byte[], byte[]> producer) {
        GeneratedFeed feed = new GeneratedFeed(spec, producer);
        for (int i = 0; i < spec.decisions(); i++) {
            feed.decision(i);
        }
        return feed.writer.finish(spec);
    }

    /** Producer settings for {@link #generate}: idempotent, so a retry never reorders or duplicates records. */
    public static Map<String, Object> producerConfig(String bootstrapServers) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "feedlens-demo-generator",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5);
    }

    public static KafkaProducer<byte[], byte[]> openProducer(String bootstrapServers) {
        return new KafkaProducer<>(producerConfig(bootstrapServers), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private void decision(int i) {
        if (i == plan.invalidAt()) {
            writeInvalidRecords();
        }
        boolean stale = i == plan.staleAt() && lastCard != null;
        clock = clock.plus(stale ? QUIET_SPELL : Duration.ofMillis(2_000 + random.nextInt(18_000)));
        String card = stale ? lastCard : cards.get(random.nextInt(cards.size()));
        Payment trigger = writePayments(i, card);
        FeatureValue velocity = writeVelocity(i, trigger);
        // The amount-stats job was down during the quiet spell: the decision reads the card's last, old value.
        FeatureValue stats = stale ? latestStats.get(card) : writeStats(i, trigger);
        writeDecision(i, trigger, velocity, stats);
        lastCard = card;
    }

    /** Writes the card's payments for one decision and returns the last, which triggers the features. */
    private Payment writePayments(int i, String card) {
        int count = 1 + random.nextInt(3);
        Payment payment = null;
        for (int k = 0; k < count; k++) {
            if (k > 0) {
                clock = clock.plusMillis(1_000 + random.nextInt(9_000));
            }
            payment = PaymentMix.payment(random, card, clock);
            boolean retried = i == plan.duplicateAt() && k == count - 1;
            List<Future<RecordMetadata>> sends = writePayment(payment, retried ? 2 : 1);
            if (retried) {
                writer.hardCase(GroundTruth.Kind.DUPLICATE_EVENT, List.of(payment.paymentId()), sends,
                        "the same payment written twice by a producer retry");
            }
        }
        if (plan.lateAt().contains(i)) {
            writeLatePayment(payment);
        }
        return payment;
    }

    private List<Future<RecordMetadata>> writePayment(Payment payment, int copies) {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (int copy = 0; copy < copies; copy++) {
            sends.add(writer.send(FeedRecords.payment(spec.topics().payments(), payment)));
        }
        writer.event(payment, sends);
        activity.record(payment.card(), SeenPayment.byId(payment));
        return sends;
    }

    private void writeLatePayment(Payment after) {
        Payment late = PaymentMix.payment(random, after.card(), after.eventTime().minus(LATE_BY));
        List<Future<RecordMetadata>> sends = writePayment(late, 1);
        writer.hardCase(GroundTruth.Kind.LATE_EVENT, List.of(late.paymentId(), after.paymentId()), sends,
                "written after " + after.paymentId() + " on the same partition, with an event time " + LATE_BY.toMinutes() + " min earlier");
    }

    private FeatureValue writeVelocity(int i, Payment trigger) {
        int version = plan.velocityVersion(i);
        List<SeenPayment> inputs = activity.within(trigger.card(), trigger.eventTime(), FraudFeatures.velocityWindow(version));
        FeatureValue velocity = feature(FeatureView.TXN_VELOCITY_5M, version, trigger, FraudFeatures.count(inputs), null, inputs);
        Future<RecordMetadata> send = writeFeature(velocity, inputs);
        if (i == plan.rolloutAt()) {
            writer.hardCase(GroundTruth.Kind.VERSION_ROLLOUT, List.of(velocity.featureId()), List.of(send),
                    "txn_velocity_5m version 4 rolled out (it counts ten minutes)");
        } else if (i == plan.rollbackAt()) {
            writer.hardCase(GroundTruth.Kind.VERSION_ROLLBACK, List.of(velocity.featureId()), List.of(send),
                    "txn_velocity_5m rolled back to version 3");
        }
        return velocity;
    }

    private FeatureValue writeStats(int i, Payment trigger) {
        List<SeenPayment> inputs = activity.within(trigger.card(), trigger.eventTime(), FeatureView.AMOUNT_STATS_1H.window());
        boolean schemaV2 = i >= plan.schemaChangeAt();
        Double max = schemaV2 ? FraudFeatures.maxAmount(inputs) : null;
        FeatureValue stats = feature(FeatureView.AMOUNT_STATS_1H, FeatureView.AMOUNT_STATS_1H.currentVersion(), trigger,
                FraudFeatures.meanAmount(inputs), max, inputs);
        Future<RecordMetadata> send = writeFeature(stats, inputs);
        if (schemaV2 && lastStats != null && lastStats.maxAmount() == null) {
            writer.hardCase(GroundTruth.Kind.SCHEMA_CHANGE, List.of(lastStats.featureId(), stats.featureId()), List.of(send),
                    "amount_stats_1h switches from schema v1 to v2 (adds optional max_amount)");
        }
        latestStats.put(trigger.card(), stats);
        lastStats = stats;
        return stats;
    }

    private FeatureValue feature(FeatureView view, int version, Payment trigger, double value, Double max, List<SeenPayment> inputs) {
        return new FeatureValue(TraceIds.next("f", random), view, version, trigger.card(), trigger.eventTime(), value, max,
                trigger.paymentId(), trigger.correlationId(), nextHop(trigger.traceparent()),
                inputs.stream().map(SeenPayment::parentRef).toList());
    }

    private Future<RecordMetadata> writeFeature(FeatureValue feature, List<SeenPayment> inputs) {
        Future<RecordMetadata> send = writer.send(FeedRecords.feature(spec.topics().of(feature.view()), feature));
        writer.feature(feature, send, inputs.stream().map(SeenPayment::paymentId).toList());
        return send;
    }

    private void writeDecision(int i, Payment trigger, FeatureValue velocity, FeatureValue stats) {
        Instant asOf = velocity.asOf().isAfter(stats.asOf()) ? velocity.asOf() : stats.asOf();
        Instant decidedAt = asOf.plusMillis(40 + random.nextInt(360));
        UsedFeature usedVelocity = UsedFeature.readAt(velocity, decidedAt);
        UsedFeature usedStats = UsedFeature.readAt(stats, decidedAt);
        if (i == plan.mismatchAt()) {
            // The model read the count from a cache that had already moved on.
            usedVelocity = usedVelocity.withValue(velocity.value() + 2);
        }
        if (i == plan.staleAt()) {
            // The serving layer did not check the age: the model logs the old value as present.
            usedStats = usedStats.withStatus(FeatureStatus.PRESENT);
        }
        double score = FraudFeatures.score(Math.round(usedVelocity.value()), usedStats.value(), trigger.amount());
        FraudDecision decision = new FraudDecision(TraceIds.next("d", random), trigger.card(), score, FraudFeatures.outcome(score),
                FraudDecision.MODEL_ID, FraudDecision.MODEL_VERSION, decidedAt, List.of(usedVelocity, usedStats),
                !plan.withoutUsedListAt().contains(i), trigger.correlationId(), nextHop(trigger.traceparent()));
        Future<RecordMetadata> send = writer.send(FeedRecords.decision(spec.topics().decisions(), decision));
        List<FeatureValue> read = List.of(velocity, stats);
        List<String> staleIds = read.stream().filter(f -> f.isStaleAt(decidedAt)).map(FeatureValue::featureId).toList();
        List<String> mismatchedIds = List.of(usedVelocity, usedStats).stream()
                .filter(used -> used.value() != (used.view() == velocity.view() ? velocity : stats).value())
                .map(UsedFeature::featureId).toList();
        writer.decision(decision, send, staleIds, mismatchedIds);
        noteDecisionCases(i, decision, send, staleIds, mismatchedIds);
    }

    private void noteDecisionCases(int i, FraudDecision decision, Future<RecordMetadata> send, List<String> staleIds,
                                   List<String> mismatchedIds) {
        if (!decision.usedLogged()) {
            writer.hardCase(GroundTruth.Kind.DECISION_WITHOUT_USED, List.of(decision.decisionId()), List.of(send),
                    "no used list: its inputs can only be inferred by an as-of join");
        }
        if (i == plan.mismatchAt()) {
            writer.hardCase(GroundTruth.Kind.LOGGED_VALUE_MISMATCH, join(decision.decisionId(), mismatchedIds), List.of(send),
                    "the logged txn_velocity_5m value differs from the feature record's");
        }
        if (i == plan.staleAt() && !staleIds.isEmpty()) {
            writer.hardCase(GroundTruth.Kind.STALE_FEATURE, join(decision.decisionId(), staleIds), List.of(send),
                    "amount_stats_1h older than its 30 min TTL, logged as PRESENT");
        }
    }

    private void writeInvalidRecords() {
        Payment broken = PaymentMix.payment(random, cards.get(random.nextInt(cards.size())), clock);
        Future<RecordMetadata> payment = writer.send(FeedRecords.truncatedPayment(spec.topics().payments(), broken));
        writer.hardCase(GroundTruth.Kind.INVALID_PAYMENT, List.of(broken.paymentId()), List.of(payment),
                "payment JSON cut off half-way");
        FeatureValue unreadable = feature(FeatureView.AMOUNT_STATS_1H, FeatureView.AMOUNT_STATS_1H.currentVersion(), broken,
                broken.amount(), null, List.of(SeenPayment.byId(broken)));
        Future<RecordMetadata> feature = writer.send(FeedRecords.featureWithBadMagic(spec.topics().amountStats(), unreadable));
        writer.hardCase(GroundTruth.Kind.INVALID_FEATURE, List.of(unreadable.featureId()), List.of(feature),
                "Avro single-object header C3 02: wrong magic");
    }

    /** The next hop of a payment's trace: same trace id, new span. */
    private String nextHop(String traceparent) {
        return TraceIds.traceparent(TraceIds.traceIdOf(traceparent), random);
    }

    private static List<String> join(String first, List<String> rest) {
        List<String> ids = new ArrayList<>(List.of(first));
        ids.addAll(rest);
        return List.copyOf(ids);
    }
}
