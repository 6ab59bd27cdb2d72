package io.feedlens.app.demo;

import java.time.Duration;

/** The two feature views the demo fraud model reads, with the windows they aggregate over and how long a value stays usable. */
public enum FeatureView {

    /** How many payments the card made in the last five minutes. */
    TXN_VELOCITY_5M("txn_velocity_5m", Duration.ofMinutes(5), Duration.ofMinutes(10), "/features/txn-velocity", 3),

    /** The card's mean payment amount over the last hour. */
    AMOUNT_STATS_1H("amount_stats_1h", Duration.ofHours(1), Duration.ofMinutes(30), "/features/amount-stats", 1);

    static final String CE_TYPE = "com.acme.feature.computed";

    private final String viewName;
    private final Duration window;
    private final Duration ttl;
    private final String source;
    private final int currentVersion;

    FeatureView(String viewName, Duration window, Duration ttl, String source, int currentVersion) {
        this.viewName = viewName;
        this.window = window;
        this.ttl = ttl;
        this.source = source;
        this.currentVersion = currentVersion;
    }

    /** The name in {@code ce_featureview} and in a decision's {@code used} list. */
    public String viewName() {
        return viewName;
    }

    public Duration window() {
        return window;
    }

    /** A value older than this at decision time is stale (Feast's {@code OUTSIDE_MAX_AGE}). */
    public Duration ttl() {
        return ttl;
    }

    /** The {@code ce_source} of the job that computes this view. */
    public String source() {
        return source;
    }

    /** The definition version in production when nothing is being rolled out. */
    public int currentVersion() {
        return currentVersion;
    }

    public static FeatureView byViewName(String name) {
        for (FeatureView view : values()) {
            if (view.viewName.equals(name)) {
                return view;
            }
        }
        throw new IllegalArgumentException("Not a demo feature view: " + name);
    }
}
