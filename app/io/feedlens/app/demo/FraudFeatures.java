package io.feedlens.app.demo;

import java.time.Duration;
import java.util.List;

/**
 * The arithmetic of the demo: both feature views and the fraud score. Seeded and live feeds compute through here,
 * so a value in a feature record can always be recomputed from its lineage parents.
 */
public final class FraudFeatures {

    /** Version 4 of {@code txn_velocity_5m} was rolled out and rolled back: it counted over ten minutes by mistake. */
    public static final int FLAWED_VELOCITY_VERSION = 4;

    private FraudFeatures() {
    }

    /** The window a version of {@code txn_velocity_5m} really counts over. */
    public static Duration velocityWindow(int version) {
        return version == FLAWED_VELOCITY_VERSION ? Duration.ofMinutes(10) : FeatureView.TXN_VELOCITY_5M.window();
    }

    public static long count(List<SeenPayment> inWindow) {
        return inWindow.size();
    }

    /** Mean amount in cents precision, 0 for an empty window. */
    public static double meanAmount(List<SeenPayment> inWindow) {
        double mean = inWindow.stream().mapToDouble(SeenPayment::amount).average().orElse(0);
        return cents(mean);
    }

    public static double maxAmount(List<SeenPayment> inWindow) {
        return inWindow.stream().mapToDouble(SeenPayment::amount).max().orElse(0);
    }

    /**
     * A small stand-in for a gradient-boosted model: many payments in a few minutes, or an amount far above the
     * card's usual, push the score up. Logistic, so it stays in (0, 1); rounded to three digits as a model logs it.
     */
    public static double score(long velocity, double meanAmount, double amount) {
        double amountRatio = meanAmount <= 0 ? 1 : amount / meanAmount;
        double logit = -3.0 + 0.7 * Math.max(0, velocity - 1) + 1.3 * Math.log(Math.max(amountRatio, 0.1));
        return Math.round(1000 / (1 + Math.exp(-logit))) / 1000.0;
    }

    public static String outcome(double score) {
        if (score >= 0.8) {
            return "decline";
        }
        return score >= 0.5 ? "review" : "approve";
    }

    static double cents(double amount) {
        return Math.round(amount * 100) / 100.0;
    }
}
