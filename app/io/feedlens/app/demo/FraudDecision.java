package io.feedlens.app.demo;

import java.time.Instant;
import java.util.List;

/**
 * One output of the fraud model.
 *
 * @param used       what the model read; always known to the feed, but written only when {@code usedLogged}
 * @param usedLogged whether the record carries its {@code used} list (some services do not log their inputs)
 */
public record FraudDecision(String decisionId, String card, double score, String outcome, String modelId, String modelVersion,
                            Instant decidedAt, List<UsedFeature> used, boolean usedLogged, String correlationId,
                            String traceparent) {

    public static final String MODEL_ID = "fraud-gbm";
    public static final String MODEL_VERSION = "7";

    public FraudDecision {
        used = List.copyOf(used);
    }
}
