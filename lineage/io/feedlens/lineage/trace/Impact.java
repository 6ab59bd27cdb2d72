package io.feedlens.lineage.trace;

import java.util.List;

import io.feedlens.lineage.model.FeatureVersion;
import io.feedlens.lineage.store.LineageStore;
import io.feedlens.lineage.store.ModelVersionUse;

/**
 * The reverse of a trace: which decisions used a feature view version, one feature record, or one event. Counts come
 * from decisions' used lists; decisions without one (whose inputs are only inferred) are not counted.
 */
public final class Impact {

    private final LineageStore store;

    public Impact(LineageStore store) {
        this.store = store;
    }

    public ImpactReport ofFeatureVersion(FeatureVersion version) {
        List<ModelVersionUse> uses = store.read(queries -> queries.decisionsUsing(version));
        return new ImpactReport(version.toString(), store.flagReason(version).orElse(null), uses);
    }

    public ImpactReport ofFeatureRecord(String featureId) {
        return new ImpactReport("feature " + featureId, null, store.read(queries -> queries.decisionsUsingFeature(featureId)));
    }

    public ImpactReport ofEvent(String eventId) {
        return new ImpactReport("event " + eventId, null, store.read(queries -> queries.decisionsUsingEvent(eventId)));
    }
}
