package io.feedlens.lineage.trace;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.feedlens.lineage.model.FeatureVersion;
import io.feedlens.lineage.store.ModelVersionUse;

/**
 * Decisions that used a feature view version, per model version, with the time range they span.
 *
 * @param flagReason why a person flagged this version, or null
 */
public record ImpactReport(FeatureVersion version, String flagReason, List<ModelVersionUse> byModelVersion) {

    public ImpactReport {
        byModelVersion = List.copyOf(byModelVersion);
    }

    @JsonProperty
    public long decisions() {
        return byModelVersion.stream().mapToLong(ModelVersionUse::decisions).sum();
    }

    @JsonProperty
    public Optional<Instant> first() {
        return byModelVersion.stream().map(ModelVersionUse::first).min(Comparator.naturalOrder());
    }

    @JsonProperty
    public Optional<Instant> last() {
        return byModelVersion.stream().map(ModelVersionUse::last).max(Comparator.naturalOrder());
    }
}
