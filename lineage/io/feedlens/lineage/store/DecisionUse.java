package io.feedlens.lineage.store;

import java.time.Instant;

/** One decision that used something: its id, when it was made, and by which model version. */
public record DecisionUse(String decisionId, Instant decidedAt, String modelId, String modelVersion) {
}
