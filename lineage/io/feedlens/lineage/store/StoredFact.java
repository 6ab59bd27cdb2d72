package io.feedlens.lineage.store;

import io.feedlens.lineage.model.LineageFact;

/** A fact as the index holds it, with the row key that its edges refer to. */
public record StoredFact(long key, LineageFact fact) {
}
