package io.feedlens.app.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The payment gateway of the live demo: a steady trickle of payments by the demo's cards, stamped with the wall clock. */
final class PaymentSimulator implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(PaymentSimulator.class);

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final List<String> cards;
    private final long pauseMillis;
    private final LiveCounters counters;
    private final Random random = new Random();
    private volatile boolean running = true;

    PaymentSimulator(Producer<byte[], byte[]> producer, DemoTopics topics, LiveFeedSettings settings, LiveCounters counters) {
        this.producer = producer;
        this.topic = topics.payments();
        this.cards = PaymentMix.cards(settings.cards());
        this.pauseMillis = Math.max(1, Math.round(1000 / settings.paymentsPerSecond()));
        this.counters = counters;
    }

    @Override
    public void run() {
        log.info("Payment simulator started: a payment every {} ms on {}", pauseMillis, topic);
        while (running) {
            try {
                String card = cards.get(random.nextInt(cards.size()));
                Payment payment = PaymentMix.payment(random, card, Instant.now().truncatedTo(ChronoUnit.MILLIS));
                producer.send(FeedRecords.payment(topic, payment), (metadata, error) -> {
                    if (error != null) {
                        log.warn("Payment {} was not written: {}", payment.paymentId(), error.toString());
                    } else {
                        counters.payments.incrementAndGet();
                    }
                });
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                // A closed or failing producer: say so, wait a little, try again unless we are stopping.
                log.warn("Payment simulator could not send, retrying: {}", e.toString());
                sleepQuietly(1000);
            }
        }
        log.info("Payment simulator stopped");
    }

    void stop() {
        running = false;
    }

    private void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
