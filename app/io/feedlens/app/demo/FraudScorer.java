package io.feedlens.app.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;

/**
 * The live fraud model: reads both feature views as group {@code fraud-scorer}, keeps each card's latest value per
 * view, and decides once both values computed for the same payment (same correlation id) have arrived, logging
 * what it used. Now and then it falls behind: it pauses its partitions for a while, so its lag grows, then catches up.
 */
final class FraudScorer extends ConsumingService {

    private final DemoTopics topics;
    private final LiveFeedSettings settings;
    private final LiveCounters counters;
    private final Map<String, Map<FeatureView, FeatureValue>> latest = new HashMap<>();
    private final Map<String, String> lastDecidedFlow = new HashMap<>();
    private final Random random = new Random();
    private Instant nextPause;
    private Instant pausedUntil;

    FraudScorer(String bootstrapServers, DemoTopics topics, LiveFeedSettings settings, Producer<byte[], byte[]> producer,
                LiveCounters counters) {
        super(bootstrapServers, settings.scorerGroup(), List.of(topics.txnVelocity(), topics.amountStats()), producer);
        this.topics = topics;
        this.settings = settings;
        this.counters = counters;
        this.nextPause = Instant.now().plus(settings.scorerPauseEvery());
    }

    @Override
    protected void handle(ConsumerRecord<byte[], byte[]> record) {
        FeatureValue feature = FeedRecords.readFeature(record);
        Map<FeatureView, FeatureValue> card = latest.computeIfAbsent(feature.card(), c -> new EnumMap<>(FeatureView.class));
        FeatureValue known = card.get(feature.view());
        if (known == null || !feature.asOf().isBefore(known.asOf())) {
            card.put(feature.view(), feature);
        }
        FeatureValue velocity = card.get(FeatureView.TXN_VELOCITY_5M);
        FeatureValue stats = card.get(FeatureView.AMOUNT_STATS_1H);
        boolean sameFlow = velocity != null && stats != null && velocity.correlationId() != null
                && velocity.correlationId().equals(stats.correlationId());
        if (sameFlow && !Objects.equals(lastDecidedFlow.get(feature.card()), velocity.correlationId())) {
            decide(velocity, stats);
            lastDecidedFlow.put(feature.card(), velocity.correlationId());
        }
    }

    private void decide(FeatureValue velocity, FeatureValue stats) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // The largest amount of the hour against the mean stands in for the payment's amount, which the scorer does not read.
        double amount = stats.maxAmount() != null ? stats.maxAmount() : stats.value();
        double score = FraudFeatures.score(Math.round(velocity.value()), stats.value(), amount);
        FraudDecision decision = new FraudDecision(TraceIds.next("d", random), velocity.card(), score, FraudFeatures.outcome(score),
                FraudDecision.MODEL_ID, FraudDecision.MODEL_VERSION, now,
                List.of(UsedFeature.readAt(velocity, now), UsedFeature.readAt(stats, now)), true, velocity.correlationId(),
                nextHop(velocity.traceparent()));
        producer.send(FeedRecords.decision(topics.decisions(), decision), (metadata, error) -> {
            if (error == null) {
                counters.decisions.incrementAndGet();
            } else {
                log.warn("Decision {} was not written: {}", decision.decisionId(), error.toString());
            }
        });
    }

    @Override
    protected void beforePoll() {
        Instant now = Instant.now();
        if (pausedUntil != null && now.isBefore(pausedUntil)) {
            consumer.pause(consumer.assignment()); // again, in case a rebalance handed us new partitions
        } else if (pausedUntil != null) {
            consumer.resume(consumer.paused());
            pausedUntil = null;
            nextPause = now.plus(settings.scorerPauseEvery());
            counters.scorerBehind = false;
            log.info("Fraud scorer catching up");
        } else if (!now.isBefore(nextPause)) {
            pausedUntil = now.plus(pauseLength());
            consumer.pause(consumer.assignment());
            counters.scorerBehind = true;
            counters.scorerPauses.incrementAndGet();
            log.info("Fraud scorer falls behind until {}", pausedUntil);
        }
    }

    private Duration pauseLength() {
        long min = settings.scorerPauseMin().toMillis();
        long spread = settings.scorerPauseMax().toMillis() - min;
        return Duration.ofMillis(min + (spread > 0 ? (long) (random.nextDouble() * spread) : 0));
    }

    private String nextHop(String traceparent) {
        String traceId = TraceIds.traceIdOf(traceparent);
        return TraceIds.traceparent(traceId != null ? traceId : TraceIds.newTraceId(random), random);
    }
}
