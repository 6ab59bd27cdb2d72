package io.feedlens.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class CardActivityTest {

    private static final Instant NOON = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void retriedPaymentCountsOnceAndLatePaymentCountsInItsOwnWindow() {
        CardActivity activity = new CardActivity();
        SeenPayment first = new SeenPayment("p-1", "id:p-1", NOON, 10);
        assertThat(activity.record("card-1", first)).isTrue();
        assertThat(activity.record("card-1", first)).as("a producer retry's copy").isFalse();
        activity.record("card-1", new SeenPayment("p-late", "id:p-late", NOON.minusSeconds(180), 30));
        activity.record("card-1", new SeenPayment("p-old", "id:p-old", NOON.minusSeconds(400), 50));
        activity.record("card-2", new SeenPayment("p-other", "id:p-other", NOON, 1000));

        var fiveMinutes = activity.within("card-1", NOON, Duration.ofMinutes(5));
        assertThat(fiveMinutes).extracting(SeenPayment::paymentId).containsExactly("p-1", "p-late");
        assertThat(FraudFeatures.count(fiveMinutes)).isEqualTo(2);
        assertThat(FraudFeatures.meanAmount(activity.within("card-1", NOON, Duration.ofHours(1)))).isEqualTo(30.0);
        assertThat(FraudFeatures.count(activity.within("card-1", NOON, FraudFeatures.velocityWindow(4)))).isEqualTo(3);
    }

    @Test
    void scoreRisesWithVelocityAndUnusualAmounts() {
        double calm = FraudFeatures.score(1, 40, 40);
        assertThat(FraudFeatures.score(6, 40, 40)).isGreaterThan(calm);
        assertThat(FraudFeatures.score(1, 40, 2000)).isGreaterThan(calm);
        assertThat(FraudFeatures.outcome(calm)).isEqualTo("approve");
        assertThat(FraudFeatures.outcome(FraudFeatures.score(8, 40, 4000))).isEqualTo("decline");
    }
}
