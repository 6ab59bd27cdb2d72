package io.feedlens.app.demo;

import java.time.Instant;
import java.util.Objects;

/**
 * What a seeded demo feed writes: how many decisions, from which seed, starting at which event time, to which topics.
 * The same spec gives the same records (ids, values, times) on every run.
 */
public record FeedSpec(int decisions, long seed, Instant start, DemoTopics topics) {

    /** The default start: a fixed instant, so the feed does not depend on the clock either. */
    public static final Instant DEFAULT_START = Instant.parse("2026-11-26T09:00:00Z");

    public FeedSpec {
        if (decisions < 1) {
            throw new IllegalArgumentException("A feed needs at least one decision, got " + decisions);
        }
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(topics, "topics");
    }

    public static FeedSpec of(int decisions, long seed, DemoTopics topics) {
        return new FeedSpec(decisions, seed, DEFAULT_START, topics);
    }
}
