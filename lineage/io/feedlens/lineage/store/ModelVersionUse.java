package io.feedlens.lineage.store;

import java.time.Instant;

/** How many distinct decisions of one model version used something, and over which time range. */
public record ModelVersionUse(String modelId, String modelVersion, long decisions, Instant first, Instant last) {
}
