package io.feedlens.app.demo;

import java.time.Duration;
import java.util.Objects;

/**
 * How the live demo feed behaves: how busy the payment gateway is, and how often the fraud scorer falls behind and
 * for how long (so consumer lag shows up in the groups view). Tests shorten the cadence.
 *
 * @param processorGroup consumer group of the feature processor
 * @param scorerGroup    consumer group of the fraud scorer
 */
public record LiveFeedSettings(double paymentsPerSecond, int cards, Duration scorerPauseEvery, Duration scorerPauseMin,
                               Duration scorerPauseMax, String processorGroup, String scorerGroup) {

    public LiveFeedSettings {
        if (paymentsPerSecond <= 0 || cards < 1) {
            throw new IllegalArgumentException("Need a positive payment rate and at least one card");
        }
        Objects.requireNonNull(scorerPauseEvery, "scorerPauseEvery");
        if (scorerPauseMax.compareTo(scorerPauseMin) < 0) {
            throw new IllegalArgumentException("The longest pause is shorter than the shortest: " + scorerPauseMax + " < " + scorerPauseMin);
        }
        Objects.requireNonNull(processorGroup, "processorGroup");
        Objects.requireNonNull(scorerGroup, "scorerGroup");
    }

    /**
     * About five payments a second over fifty cards; the scorer falls behind for 20–40 s every two minutes.
     * Group names carry the topics' prefix, so two demo feeds on one cluster keep their own offsets.
     */
    public static LiveFeedSettings standard(DemoTopics topics) {
        return new LiveFeedSettings(5, 50, Duration.ofMinutes(2), Duration.ofSeconds(20), Duration.ofSeconds(40),
                topics.prefix() + "feature-processor", topics.prefix() + "fraud-scorer");
    }

    public LiveFeedSettings withPaymentsPerSecond(double rate) {
        return new LiveFeedSettings(rate, cards, scorerPauseEvery, scorerPauseMin, scorerPauseMax, processorGroup, scorerGroup);
    }

    /** The scorer runs for {@code every}, then pauses for a random time between {@code min} and {@code max}. */
    public LiveFeedSettings withScorerPauses(Duration every, Duration min, Duration max) {
        return new LiveFeedSettings(paymentsPerSecond, cards, every, min, max, processorGroup, scorerGroup);
    }
}
