package io.feedlens.lineage.trace;

import java.util.List;

import io.feedlens.lineage.model.FeatureVersion;
import io.feedlens.lineage.store.LineageStore;
import io.feedlens.lineage.store.ModelVersionUse;

/** The reverse of a trace: which decisions used a feature view version (by their used lists). */
public final class Impact {

    private final LineageStore store;

    public Impact(LineageStore store) {
        this.store = store;
    }

    public ImpactReport ofFeatureVersion(FeatureVersion version) {
        List<ModelVersionUse> uses = store.read(queries -> queries.decisionsUsing(version));
        return new ImpactReport(version, store.flagReason(version).orElse(null), uses);
    }
}
