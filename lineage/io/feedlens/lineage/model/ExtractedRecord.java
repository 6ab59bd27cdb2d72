package io.feedlens.lineage.model;

/** What extraction made of one record: an indexed fact with its edges, or a skip with its reason. */
public sealed interface ExtractedRecord permits IndexedRecord, SkippedRecord {
}
