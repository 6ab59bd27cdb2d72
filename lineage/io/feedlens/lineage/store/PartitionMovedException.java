package io.feedlens.lineage.store;

import io.feedlens.lineage.model.PartitionPosition;

/**
 * A batch was refused because the index's position for one of its partitions is no longer where the writer expected:
 * another indexer wrote that partition in between (a consumer group moved it). Nothing of the batch was written; the
 * writer re-reads its start positions from the index.
 */
public final class PartitionMovedException extends LineageStoreException {

    private final transient PartitionPosition position;

    public PartitionMovedException(PartitionPosition position, Throwable cause) {
        super("Another indexer has written " + position.topic() + "/" + position.partition() + " meanwhile (the index no longer"
                + " stands at " + (position.expected() == PartitionPosition.NONE ? "its beginning" : "offset " + position.expected())
                + "); nothing of this batch was written", cause);
        this.position = position;
    }

    public PartitionPosition position() {
        return position;
    }
}
