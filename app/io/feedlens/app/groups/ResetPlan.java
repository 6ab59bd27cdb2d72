package io.feedlens.app.groups;

import java.time.Instant;
import java.util.List;

/** The dry run of an offset reset: what would move, partition by partition. Executing applies exactly this. */
public record ResetPlan(String groupId, String topic, ResetTarget target, List<PartitionMove> moves, Instant plannedAt) {

    public ResetPlan {
        moves = List.copyOf(moves);
    }

    /** Records read again in total (skipped ones not counted). */
    public long recordsReread() {
        return moves.stream().filter(PartitionMove::rereads).mapToLong(PartitionMove::records).sum();
    }

    /** Records skipped in total, as a positive number. */
    public long recordsSkipped() {
        return moves.stream().filter(m -> m.records() != null && m.records() < 0).mapToLong(m -> -m.records()).sum();
    }
}
