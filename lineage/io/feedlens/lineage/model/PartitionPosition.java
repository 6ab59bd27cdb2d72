package io.feedlens.lineage.model;

/** How far the index has read one partition: the next offset to read. */
public record PartitionPosition(String topic, int partition, long nextOffset) {
}
