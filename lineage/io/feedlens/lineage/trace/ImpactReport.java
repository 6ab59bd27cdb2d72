package io.feedlens.lineage.trace;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.feedlens.lineage.store.ModelVersionUse;

/**
 * Decisions that used a feature view version, a feature record or an event, per model version, with their time range.
 *
 * @param subject    what was asked about, e.g. {@code txn_velocity_5m@4}, {@code feature f-…}, {@code event p-…}
 * @param flagReason why a person flagged the feature version, or null
 */
public record ImpactReport(String subject, String flagReason, List<ModelVersionUse> byModelVersion) {

    public ImpactReport {
        byModelVersion = List.copyOf(byModelVersion);
    }

    @JsonProperty
    public long decisions() {
        return byModelVersion.stream().mapToLong(ModelVersionUse::decisions).sum();
    }

    @JsonProperty
    /** The earliest decision, or null when none used it. */
    public Instant first() {
        return byModelVersion.stream().map(ModelVersionUse::first).min(Comparator.naturalOrder()).orElse(null);
    }

    @JsonProperty
    /** The latest decision, or null when none used it. */
    public Instant last() {
        return byModelVersion.stream().map(ModelVersionUse::last).max(Comparator.naturalOrder()).orElse(null);
    }
}
