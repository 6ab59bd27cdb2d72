package io.feedlens.lineage.model;

import io.feedlens.lineage.RecordCoordinates;

/** A record the index could not use, with the reason in words: kept as a row so nothing is dropped silently. */
public record SkippedRecord(RecordCoordinates coordinates, String reason) implements ExtractedRecord {
}
