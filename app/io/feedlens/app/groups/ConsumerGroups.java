package io.feedlens.app.groups;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import io.feedlens.app.Background;
import io.feedlens.app.cluster.BrokerNode;
import io.feedlens.app.cluster.ClusterSession;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumer groups of one connected cluster with their lag in records and in time and Burrow's status.
 * Each refresh costs one batch of Admin calls plus one group-less consumer reading the records at the committed
 * offsets (cached: a record's time never changes). Slow calls return futures; the {@code …Now} forms block and are
 * for the sampler, the command line and tests.
 */
public final class ConsumerGroups implements AutoCloseable {

    /** How long reading record times may add to a refresh before lag in time is left unknown. */
    private static final Duration TIME_LOOKUP_BUDGET = Duration.ofSeconds(3);
    static final Comparator<TopicPartition> BY_TOPIC_AND_PARTITION =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private final Admin admin;
    private final RecordTimes recordTimes;
    private final LagWindows windows = new LagWindows(LagWindows.DEFAULT_SIZE);
    private final Clock clock;
    private volatile GroupsSnapshot latest;

    public ConsumerGroups(ClusterSession session) {
        this(session.admin(), session.profile().clientConfig(), Clock.systemUTC());
    }

    public ConsumerGroups(Admin admin, Map<String, Object> clientConfig, Clock clock) {
        this.admin = admin;
        this.recordTimes = new RecordTimes(clientConfig);
        this.clock = clock;
    }

    /** Every consumer group, classic and consumer protocol, with lag and status. */
    public CompletableFuture<GroupsSnapshot> refresh() {
        return Background.supply(this::refreshNow);
    }

    /** One group; fails with a {@link GroupProblem} saying so when the group does not exist (any more). */
    public CompletableFuture<ConsumerGroupLag> describe(String groupId) {
        return Background.supply(() -> describeNow(groupId));
    }

    /** The last snapshot a refresh produced, for a screen that opens while the sampler runs. */
    public Optional<GroupsSnapshot> latest() {
        return Optional.ofNullable(latest);
    }

    public GroupsSnapshot refreshNow() {
        GroupsSnapshot snapshot = read(id -> true);
        Set<String> ids = new HashSet<>();
        snapshot.groups().forEach(g -> ids.add(g.groupId()));
        windows.retainGroups(ids);
        latest = snapshot;
        return snapshot;
    }

    public ConsumerGroupLag describeNow(String groupId) {
        return read(groupId::equals).find(groupId).orElseThrow(() -> GroupProblem.notFound(groupId));
    }

    private GroupsSnapshot read(Predicate<String> wanted) {
        Instant now = clock.instant();
        GroupOffsets facts = GroupOffsets.fetch(admin, wanted);
        Map<TopicPartition, Map<Long, Long>> times =
                recordTimes.timestamps(unconsumedOffsets(facts), facts.logEnds(), TIME_LOOKUP_BUDGET);
        List<ConsumerGroupLag> groups = facts.listings().keySet().stream().sorted()
                .map(id -> group(id, facts, times, now))
                .toList();
        return new GroupsSnapshot(now, groups);
    }

    /** Per partition, the committed offsets (of all groups) whose record times tell the lag in time. */
    private static Map<TopicPartition, Set<Long>> unconsumedOffsets(GroupOffsets facts) {
        Map<TopicPartition, Set<Long>> wanted = new HashMap<>();
        facts.committed().values().forEach(offsets -> offsets.forEach((tp, committed) -> {
            Long end = facts.logEnds().get(tp);
            if (end != null && committed.offset() < end) {
                wanted.computeIfAbsent(tp, k -> new HashSet<>()).add(committed.offset());
            }
        }));
        return wanted;
    }

    private ConsumerGroupLag group(String id, GroupOffsets facts, Map<TopicPartition, Map<Long, Long>> times, Instant now) {
        ConsumerGroupDescription description = facts.descriptions().get(id);
        List<GroupMember> members = description == null ? List.of()
                : description.members().stream().map(ConsumerGroups::member).toList();
        Map<TopicPartition, String> owners = new HashMap<>();
        members.forEach(m -> m.assignment().forEach(tp -> owners.put(tp, m.clientId())));
        Map<TopicPartition, OffsetAndMetadata> committed = facts.committed().getOrDefault(id, Map.of());
        Set<TopicPartition> partitions = new TreeSet<>(BY_TOPIC_AND_PARTITION);
        partitions.addAll(committed.keySet());
        partitions.addAll(owners.keySet());

        List<PartitionLag> lags = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata offset = committed.get(tp);
            lags.add(partition(id, tp, offset == null ? null : offset.offset(), owners.get(tp), facts, times, now));
        }
        GroupListing listing = facts.listings().get(id);
        return new ConsumerGroupLag(id, type(listing, description), state(listing, description),
                description == null ? Objects.toString(listing.protocol(), "") : description.partitionAssignor(),
                coordinator(description), members,
                lags.stream().map(PartitionLag::topic).distinct().toList(), lags,
                lags.stream().map(PartitionLag::lag).filter(Objects::nonNull).mapToLong(Long::longValue).sum(),
                worst(lags.stream().map(PartitionLag::lagTime).toList()),
                worst(lags.stream().map(PartitionLag::timeToCatchUp).toList()),
                BurrowRules.group(lags.stream().map(PartitionLag::status).toList()),
                facts.problems().get(id));
    }

    private PartitionLag partition(String id, TopicPartition tp, Long committed, String owner, GroupOffsets facts,
                                   Map<TopicPartition, Map<Long, Long>> times, Instant now) {
        Long end = facts.logEnds().get(tp);
        // As Kafka's ConsumerGroupCommand reports it: log end minus committed, unknown when either is.
        Long lag = committed != null && end != null ? end - committed : null;
        if (lag == null) {
            return new PartitionLag(tp, committed, end, null, null, null, null, owner, LagStatus.OK,
                    whyUnknown(tp, committed, end, facts));
        }
        Instant oldest = null;
        Duration lagTime = lag <= 0 ? Duration.ZERO : null;
        Long timestamp = times.getOrDefault(tp, Map.of()).get(committed);
        if (lag > 0 && timestamp != null) {
            oldest = Instant.ofEpochMilli(timestamp);
            lagTime = oldest.isAfter(now) ? Duration.ZERO : Duration.between(oldest, now);
        }
        List<OffsetObservation> window = windows.observe(id, tp, now, committed, lag, owner != null);
        Double rate = windows.consumeRate(id, tp);
        Duration catchUp = lag <= 0 ? Duration.ZERO : rate == null ? null : Duration.ofMillis((long) (lag / rate * 1000));
        // One observation cannot show movement: Burrow's rules would call it stalled. Judge from the second on.
        LagStatus status = window.size() < 2 ? LagStatus.OK : BurrowRules.partition(window, lag, now);
        return new PartitionLag(tp, committed, end, lag, oldest, lagTime, catchUp, owner, status, null);
    }

    private static String whyUnknown(TopicPartition tp, Long committed, Long end, GroupOffsets facts) {
        if (!facts.topics().contains(tp.topic())) {
            return "The topic " + tp.topic() + " no longer exists.";
        }
        if (end == null) {
            return "The log-end offset is unknown: the partition's leader did not answer.";
        }
        return "Nothing committed here yet.";
    }

    private static GroupMember member(MemberDescription member) {
        List<TopicPartition> assigned = new ArrayList<>(member.assignment().topicPartitions());
        assigned.sort(BY_TOPIC_AND_PARTITION);
        return new GroupMember(member.consumerId(), member.clientId(), member.host(), assigned);
    }

    private static String type(GroupListing listing, ConsumerGroupDescription description) {
        if (description != null && description.type() != null) {
            return description.type().toString().toLowerCase(Locale.ROOT);
        }
        return listing.type().map(t -> t.toString().toLowerCase(Locale.ROOT)).orElse("classic");
    }

    private static String state(GroupListing listing, ConsumerGroupDescription description) {
        if (description != null && description.groupState() != null) {
            return description.groupState().toString();
        }
        return listing.groupState().map(Object::toString).orElse("Unknown");
    }

    private static BrokerNode coordinator(ConsumerGroupDescription description) {
        Node node = description == null ? null : description.coordinator();
        return node == null || node.isEmpty() ? null : new BrokerNode(node.id(), node.host(), node.port(), node.rack());
    }

    private static Duration worst(List<Duration> durations) {
        return durations.stream().filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }

    @Override
    public void close() {
        recordTimes.close();
    }
}
