package io.feedlens.app.demo;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;

/**
 * The live feature job: reads payments as group {@code feature-processor}, keeps each card's recent payments, and
 * for each payment writes both feature views, naming every input by its Kafka coordinates.
 */
final class FeatureProcessor extends ConsumingService {

    private final DemoTopics topics;
    private final LiveCounters counters;
    private final CardActivity activity = new CardActivity();
    private final Random random = new Random();

    FeatureProcessor(String bootstrapServers, DemoTopics topics, LiveFeedSettings settings, Producer<byte[], byte[]> producer,
                     LiveCounters counters) {
        super(bootstrapServers, settings.processorGroup(), List.of(topics.payments()), producer);
        this.topics = topics;
        this.counters = counters;
    }

    @Override
    protected void handle(ConsumerRecord<byte[], byte[]> record) {
        Payment payment = FeedRecords.readPayment(record);
        SeenPayment seen = new SeenPayment(payment.paymentId(), coordinatesOf(record).toString(), payment.eventTime(), payment.amount());
        if (!activity.record(payment.card(), seen)) {
            return; // a producer retry's second copy: the features were computed from the first
        }
        Instant asOf = payment.eventTime();
        int velocityVersion = FeatureView.TXN_VELOCITY_5M.currentVersion();
        List<SeenPayment> recent = activity.within(payment.card(), asOf, FraudFeatures.velocityWindow(velocityVersion));
        List<SeenPayment> hour = activity.within(payment.card(), asOf, FeatureView.AMOUNT_STATS_1H.window());
        write(feature(FeatureView.TXN_VELOCITY_5M, velocityVersion, payment, FraudFeatures.count(recent), null, recent));
        write(feature(FeatureView.AMOUNT_STATS_1H, FeatureView.AMOUNT_STATS_1H.currentVersion(), payment,
                FraudFeatures.meanAmount(hour), FraudFeatures.maxAmount(hour), hour));
    }

    private FeatureValue feature(FeatureView view, int version, Payment trigger, double value, Double max, List<SeenPayment> inputs) {
        return new FeatureValue(TraceIds.next("f", random), view, version, trigger.card(), trigger.eventTime(), value, max,
                trigger.paymentId(), trigger.correlationId(), TraceIds.traceparent(traceIdOf(trigger), random),
                inputs.stream().map(SeenPayment::parentRef).toList());
    }

    private String traceIdOf(Payment payment) {
        String traceId = TraceIds.traceIdOf(payment.traceparent());
        return traceId != null ? traceId : TraceIds.newTraceId(random);
    }

    private void write(FeatureValue feature) {
        producer.send(FeedRecords.feature(topics.of(feature.view()), feature), (metadata, error) -> {
            if (error == null) {
                counters.features.incrementAndGet();
            } else {
                log.warn("Feature {} was not written: {}", feature.featureId(), error.toString());
            }
        });
    }
}
