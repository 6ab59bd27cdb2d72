package io.feedlens.app.topics;

import java.time.Instant;
import java.util.List;

/**
 * One partition of a topic: where it lives and which records it holds.
 *
 * @param leader             the broker id of the leader, or null when the partition is offline
 * @param earliestOffset     the first offset still kept (−1 when the partition could not be read)
 * @param latestOffset       the offset the next record will get (−1 when the partition could not be read)
 * @param firstRecordTime    timestamp of the oldest kept record; null when empty
 * @param lastRecordTime     the newest record timestamp; null when empty
 */
public record PartitionDetail(int partition, Integer leader, List<Integer> replicas, List<Integer> inSyncReplicas,
                              long earliestOffset, long latestOffset, Instant firstRecordTime, Instant lastRecordTime) {

    public PartitionDetail {
        replicas = List.copyOf(replicas);
        inSyncReplicas = List.copyOf(inSyncReplicas);
    }

    public long records() {
        return earliestOffset < 0 || latestOffset < 0 ? 0 : latestOffset - earliestOffset;
    }

    public boolean underReplicated() {
        return inSyncReplicas.size() < replicas.size();
    }
}
