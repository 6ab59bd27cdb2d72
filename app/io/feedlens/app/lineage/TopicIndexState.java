package io.feedlens.app.lineage;

import io.feedlens.lineage.model.Role;

/** One indexed topic: its role, the offsets the index has read (summed over partitions) and the offsets Kafka holds. */
public record TopicIndexState(String topic, Role role, int partitions, long indexedOffsets, long endOffsets) {

    /** Records written to the topic that the index has not read yet. */
    public long behind() {
        return Math.max(0, endOffsets - indexedOffsets);
    }
}
