package io.feedlens.lineage.model;

import java.util.List;

/** A record that made it into the index: its fact, and the edges it asserts. */
public record IndexedRecord(LineageFact fact, List<Used> used, List<DerivedFrom> derivedFrom) implements ExtractedRecord {

    public IndexedRecord {
        used = List.copyOf(used);
        derivedFrom = List.copyOf(derivedFrom);
    }
}
