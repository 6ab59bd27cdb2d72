package io.feedlens.app.groups;

import static io.feedlens.app.groups.GroupOffsets.get;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.feedlens.app.Background;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.cluster.ClusterSession;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Offset resets for replay and rollback, always in two steps: a dry run that changes nothing and says what would
 * move, then the execution of exactly that plan — refused while the group has active members, while the connection
 * is not marked writable, or when the offsets moved since the dry run. The execution is one
 * {@code alterConsumerGroupOffsets} call for all partitions, so a reset is never half applied by FeedLens.
 */
public final class OffsetResets implements AutoCloseable {

    private static final Duration TIME_LOOKUP_BUDGET = Duration.ofSeconds(3);

    private final Admin admin;
    private final ClusterProfile profile;
    private final RecordTimes recordTimes;

    public OffsetResets(ClusterSession session) {
        this(session.admin(), session.profile());
    }

    public OffsetResets(Admin admin, ClusterProfile profile) {
        this.admin = admin;
        this.profile = profile;
        this.recordTimes = new RecordTimes(profile.clientConfig());
    }

    /** What the reset would do, for the chosen partitions of the topic (all when {@code partitions} is empty). */
    public CompletableFuture<ResetPlan> dryRun(String groupId, String topic, ResetTarget target, Collection<Integer> partitions) {
        return Background.supply(() -> dryRunNow(groupId, topic, target, partitions));
    }

    /** Applies a dry run's plan; completes with the plan applied, or fails with a {@link GroupProblem} saying why not. */
    public CompletableFuture<ResetPlan> execute(ResetPlan plan) {
        return Background.supply(() -> executeNow(plan));
    }

    public ResetPlan dryRunNow(String groupId, String topic, ResetTarget target, Collection<Integer> partitions) {
        List<TopicPartition> chosen = chosenPartitions(topic, partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = committed(groupId, chosen);
        Map<TopicPartition, Long> earliest = offsets(chosen, OffsetSpec.earliest());
        Map<TopicPartition, Long> latest = offsets(chosen, OffsetSpec.latest());
        Map<TopicPartition, Long> atTime = target instanceof ResetTarget.ToDatetime datetime
                ? offsets(chosen, OffsetSpec.forTimestamp(datetime.at().toEpochMilli())) : Map.of();
        Map<TopicPartition, Long> current = new HashMap<>();
        committed.forEach((tp, offset) -> current.put(tp, offset.offset()));

        Map<TopicPartition, Long> targets = new HashMap<>();
        Map<TopicPartition, String> notes = new HashMap<>();
        for (TopicPartition tp : chosen) {
            ResetArithmetic.Destination destination = ResetArithmetic.destination(target, current.get(tp),
                    earliest.get(tp), latest.get(tp), atTime.get(tp));
            targets.put(tp, destination.offset());
            if (destination.note() != null) {
                notes.put(tp, destination.note());
            }
        }
        return new ResetPlan(groupId, topic, target, moves(chosen, current, targets, notes, latest), Instant.now());
    }

    public ResetPlan executeNow(ResetPlan plan) {
        if (!profile.writable()) {
            throw new GroupProblem("The connection '" + profile.name() + "' is not marked writable, so FeedLens does not "
                    + "reset offsets on it. Mark the connection writable first.");
        }
        refuseWhileMembersAreActive(plan.groupId());
        List<TopicPartition> partitions = plan.moves().stream().map(PartitionMove::partition).toList();
        Map<TopicPartition, OffsetAndMetadata> now = committed(plan.groupId(), partitions);
        for (PartitionMove move : plan.moves()) {
            OffsetAndMetadata offset = now.get(move.partition());
            Long current = offset == null ? null : offset.offset();
            if (!java.util.Objects.equals(current, move.currentOffset())) {
                throw new GroupProblem("The offsets of '" + plan.groupId() + "' moved since the dry run (" + move.partition()
                        + " is at " + current + ", the dry run saw " + move.currentOffset() + "). Run the dry run again.");
            }
        }
        Map<TopicPartition, OffsetAndMetadata> request = new HashMap<>();
        plan.moves().forEach(move -> request.put(move.partition(), new OffsetAndMetadata(move.newOffset())));
        get(admin.alterConsumerGroupOffsets(plan.groupId(), request).all());
        return plan;
    }

    private void refuseWhileMembersAreActive(String groupId) {
        ConsumerGroupDescription description;
        try {
            description = get(admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId));
        } catch (GroupProblem problem) {
            if (problem.getCause() instanceof GroupIdNotFoundException) {
                return; // no group yet: the reset creates its offsets
            }
            throw problem;
        }
        if (!description.members().isEmpty()) {
            List<String> clients = description.members().stream().map(m -> m.clientId() + "@" + m.host()).distinct().toList();
            throw new GroupProblem("The group '" + groupId + "' has " + description.members().size() + " active member(s) ("
                    + String.join(", ", clients) + "). Stop its consumers first: offsets are only reset while nobody consumes.");
        }
    }

    private List<TopicPartition> chosenPartitions(String topic, Collection<Integer> partitions) {
        TopicDescription description;
        try {
            description = get(admin.describeTopics(List.of(topic)).topicNameValues().get(topic));
        } catch (GroupProblem problem) {
            if (problem.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new GroupProblem("There is no topic '" + topic + "' on this cluster.");
            }
            throw problem;
        }
        Set<Integer> existing = new java.util.TreeSet<>();
        description.partitions().stream().map(TopicPartitionInfo::partition).forEach(existing::add);
        List<Integer> unknown = partitions.stream().filter(p -> !existing.contains(p)).toList();
        if (!unknown.isEmpty()) {
            throw new GroupProblem("The topic '" + topic + "' has no partition " + unknown + "; it has partitions 0–"
                    + (existing.size() - 1) + ".");
        }
        return existing.stream().filter(p -> partitions.isEmpty() || partitions.contains(p))
                .map(p -> new TopicPartition(topic, p)).toList();
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String groupId, List<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> all = get(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
        Map<TopicPartition, OffsetAndMetadata> chosen = new HashMap<>();
        partitions.forEach(tp -> {
            OffsetAndMetadata offset = all.get(tp);
            if (offset != null && offset.offset() >= 0) {
                chosen.put(tp, offset);
            }
        });
        return chosen;
    }

    /** One listOffsets call for all chosen partitions; -1 where no record matches (a timestamp past the end). */
    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        get(admin.listOffsets(request).all()).forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    /** Counts what moves and reads the times of the first and last record that move, in one batched read. */
    private List<PartitionMove> moves(List<TopicPartition> chosen, Map<TopicPartition, Long> current,
                                      Map<TopicPartition, Long> targets, Map<TopicPartition, String> notes,
                                      Map<TopicPartition, Long> latest) {
        Map<TopicPartition, Set<Long>> wanted = new HashMap<>();
        for (TopicPartition tp : chosen) {
            Long from = current.get(tp);
            long to = targets.get(tp);
            if (from != null && from != to) {
                wanted.put(tp, Set.of(Math.min(from, to), Math.max(from, to) - 1));
            }
        }
        Map<TopicPartition, Map<Long, Long>> times = recordTimes.timestamps(wanted, latest, TIME_LOOKUP_BUDGET);
        List<PartitionMove> moves = new ArrayList<>();
        for (TopicPartition tp : chosen) {
            Long from = current.get(tp);
            long to = targets.get(tp);
            Long records = from == null ? null : from - to;
            Instant spanFrom = null;
            Instant spanTo = null;
            if (records != null && records != 0) {
                Map<Long, Long> known = times.getOrDefault(tp, Map.of());
                spanFrom = instant(known.get(Math.min(from, to)));
                spanTo = instant(known.get(Math.max(from, to) - 1));
            }
            moves.add(new PartitionMove(tp, from, to, records, spanFrom, spanTo, notes.get(tp)));
        }
        return moves;
    }

    private static Instant instant(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }

    @Override
    public void close() {
        recordTimes.close();
    }
}
