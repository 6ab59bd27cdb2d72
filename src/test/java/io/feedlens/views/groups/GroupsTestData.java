package io.feedlens.views.groups;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.feedlens.app.groups.ConsumerGroupLag;
import io.feedlens.app.groups.GroupMember;
import io.feedlens.app.groups.LagStatus;
import io.feedlens.app.groups.PartitionLag;
import io.feedlens.app.groups.PartitionMove;
import io.feedlens.app.groups.ResetPlan;
import io.feedlens.app.groups.ResetTarget;
import org.apache.kafka.common.TopicPartition;

/** Groups and plans built by hand, for ViewModel tests that need no broker. */
final class GroupsTestData {

    private GroupsTestData() {
    }

    static ConsumerGroupLag group(String id, String topic, LagStatus status, long lag, boolean withMember) {
        List<PartitionLag> partitions = List.of(
                new PartitionLag(new TopicPartition(topic, 0), 10L, 10L + lag, lag, Instant.now(), Duration.ofSeconds(42),
                        null, null, status, null));
        List<GroupMember> members = withMember
                ? List.of(new GroupMember("m-1", id + "-client", "/10.0.0.7", List.of(new TopicPartition(topic, 0))))
                : List.of();
        return new ConsumerGroupLag(id, "classic", withMember ? "Stable" : "Empty", "range", null, members, List.of(topic),
                partitions, lag, Duration.ofSeconds(42), null, status.forGroup(), null);
    }

    static ResetPlan plan(String groupId, String topic, long... rereads) {
        List<PartitionMove> moves = new java.util.ArrayList<>();
        for (int p = 0; p < rereads.length; p++) {
            moves.add(new PartitionMove(new TopicPartition(topic, p), 1_000L, 1_000L - rereads[p], rereads[p],
                    Instant.parse("2026-11-26T07:00:00Z"), Instant.parse("2026-11-26T07:05:00Z"), null));
        }
        return new ResetPlan(groupId, topic, new ResetTarget.ToEarliest(), moves, Instant.now());
    }
}
