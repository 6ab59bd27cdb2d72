package io.feedlens.app.demo;

import java.util.Set;

/**
 * Where in a seeded feed of {@code n} decisions each hard case goes: at fixed fractions of {@code n}, so every case
 * appears, at distinct decisions, in any feed of 20 decisions or more.
 */
record HardCasePlan(int n) {

    /** The triggering payment of this decision is written twice, as a producer retry would. */
    int duplicateAt() {
        return n / 10;
    }

    /** A payment with an earlier event time is written after this decision's payments. */
    Set<Integer> lateAt() {
        return Set.of(n * 2 / 10, n * 35 / 100);
    }

    /** Decisions from here up to {@link #rollbackAt()} read {@code txn_velocity_5m} version 4. */
    int rolloutAt() {
        return n * 25 / 100;
    }

    int rollbackAt() {
        return n * 45 / 100;
    }

    /** From here on, {@code amount_stats_1h} is written with schema v2. */
    int schemaChangeAt() {
        return n / 2;
    }

    Set<Integer> withoutUsedListAt() {
        return Set.of(n * 6 / 10, n * 65 / 100, n * 7 / 10);
    }

    /** This decision logs a velocity value that differs from the feature record it names. */
    int mismatchAt() {
        return n * 75 / 100;
    }

    /** After a quiet spell, this decision reads an {@code amount_stats_1h} value older than its TTL yet logs it PRESENT. */
    int staleAt() {
        return n * 8 / 10;
    }

    /** Before this decision, a truncated payment and a feature with a wrong magic byte are written. */
    int invalidAt() {
        return n * 9 / 10;
    }

    int velocityVersion(int decision) {
        boolean rolledOut = decision >= rolloutAt() && decision < rollbackAt();
        return rolledOut ? FraudFeatures.FLAWED_VELOCITY_VERSION : FeatureView.TXN_VELOCITY_5M.currentVersion();
    }
}
