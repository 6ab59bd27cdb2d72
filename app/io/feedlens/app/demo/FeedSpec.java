package io.feedlens.app.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What a seeded demo feed writes: how many decisions, from which seed, starting at which event time, to which topics.
 * The same spec gives the same records (ids, values, times) on every run.
 */
public record FeedSpec(int decisions, long seed, Instant start, DemoTopics topics) {

    /** The most event time one decision can advance the feed by (see {@link GeneratedFeed}). */
    static final Duration MAX_TIME_PER_DECISION = Duration.ofSeconds(40);
    /** The quiet spell before the stale-feature decision, plus margin. */
    static final Duration MAX_EXTRA_TIME = Duration.ofMinutes(50);

    public FeedSpec {
        if (decisions < 1) {
            throw new IllegalArgumentException("A feed needs at least one decision, got " + decisions);
        }
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(topics, "topics");
    }

    /** A spec whose feed starts at {@link #startEndingBefore}{@code (decisions, now)}. */
    public static FeedSpec endingBefore(Instant now, int decisions, long seed, DemoTopics topics) {
        return new FeedSpec(decisions, seed, startEndingBefore(decisions, now), topics);
    }

    /**
     * A start, on a whole hour, early enough that the feed's last event time is before {@code now}. Brokers refuse
     * records timestamped more than an hour ahead ({@code log.message.timestamp.after.max.ms}) and retention deletes
     * those older than its limit (a week on the demo cluster), so event times must stay near the present; feeds of
     * more than about 15,000 decisions start more than a week back.
     */
    public static Instant startEndingBefore(int decisions, Instant now) {
        Duration span = MAX_TIME_PER_DECISION.multipliedBy(decisions).plus(MAX_EXTRA_TIME);
        return now.minus(span).truncatedTo(ChronoUnit.HOURS);
    }
}
