package io.feedlens.app.topics;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.feedlens.app.Background;
import io.feedlens.app.cluster.ClusterSession;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The topics of a cluster, for the Topics screen and the command line.
 *
 * <p>Everything is asked in batches over the session's shared Admin client: one describeTopics for all topics,
 * one listOffsets per kind of offset for all partitions, one describeLogDirs, one describeConfigs — never a call
 * per topic or partition, so 1,000 topics cost the same handful of round trips as one. Answers arrive as futures
 * on the {@link Background} executor; failures arrive as a {@link io.feedlens.app.cluster.ConnectionProblem} or a
 * {@link TopicProblem} whose message can be shown as it is.
 */
public final class TopicService {

    private final Admin admin;
    private final ClusterCalls calls;

    public TopicService(ClusterSession session) {
        this(session.admin(), session.profile().bootstrapServers());
    }

    public TopicService(Admin admin, String bootstrapServers) {
        this.admin = admin;
        this.calls = new ClusterCalls(bootstrapServers);
    }

    /** Every topic, internal ones included (marked), sorted by name. */
    public CompletableFuture<List<TopicSummary>> listTopics() {
        return Background.supply(this::summaries);
    }

    /** Partitions, configs and reading groups of one topic. */
    public CompletableFuture<TopicDetail> describe(String topic) {
        return Background.supply(() -> detail(topic));
    }

    List<TopicSummary> summaries() {
        Collection<String> names = calls.await(admin.listTopics(new ListTopicsOptions().listInternal(true)).names());
        if (names.isEmpty()) {
            return List.of();
        }
        // All independent requests go out before the first answer is awaited.
        DescribeTopicsResult describing = admin.describeTopics(names);
        TopicSettings settings = TopicSettings.ask(admin, names);
        TopicSizes sizes = TopicSizes.ask(admin, calls);
        // A topic deleted since it was listed is simply not described.
        Map<String, TopicDescription> topics = calls.awaitEach(describing.topicNameValues());
        Map<TopicPartition, PartitionOffsets.Range> offsets =
                PartitionOffsets.fetch(admin, calls, readablePartitions(topics.values()), false);
        Map<String, List<TopicSetting>> settingsByTopic = settings.perTopic(calls);
        Map<String, Long> bytes = sizes.bytesPerTopic(calls);
        return topics.values().stream()
                .map(t -> summary(t, offsets, settingsByTopic.getOrDefault(t.name(), List.of()), bytes))
                .sorted(Comparator.comparing(TopicSummary::name))
                .toList();
    }

    private static TopicSummary summary(TopicDescription topic, Map<TopicPartition, PartitionOffsets.Range> offsets,
                                        List<TopicSetting> settings, Map<String, Long> bytes) {
        List<TopicPartitionInfo> partitions = topic.partitions();
        List<PartitionOffsets.Range> ranges = partitions.stream()
                .map(p -> offsets.getOrDefault(new TopicPartition(topic.name(), p.partition()), PartitionOffsets.Range.UNKNOWN))
                .toList();
        Instant lastWrite = ranges.stream().map(PartitionOffsets.Range::lastRecordTime).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        Function<String, Long> number = TopicSettings.longValue(settings);
        return new TopicSummary(topic.name(), topic.isInternal(), partitions.size(),
                partitions.stream().mapToInt(p -> p.replicas().size()).max().orElse(0),
                (int) partitions.stream().filter(p -> p.isr().size() < p.replicas().size()).count(),
                (int) partitions.stream().filter(TopicService::offline).count(),
                ranges.stream().mapToLong(PartitionOffsets.Range::records).sum(),
                bytes == null ? null : bytes.getOrDefault(topic.name(), 0L),
                number.apply("retention.ms"), number.apply("retention.bytes"),
                TopicSettings.value(settings, "cleanup.policy"), lastWrite);
    }

    TopicDetail detail(String topic) {
        KafkaFuture<TopicDescription> describing = admin.describeTopics(List.of(topic)).topicNameValues().get(topic);
        TopicSettings settings = TopicSettings.ask(admin, List.of(topic));
        TopicDescription description = describeOrExplain(topic, describing);
        List<TopicPartition> readable = readablePartitions(List.of(description));
        Map<TopicPartition, PartitionOffsets.Range> offsets = PartitionOffsets.fetch(admin, calls, readable, true);
        Map<TopicPartition, Long> latest = offsets.entrySet().stream()
                .filter(e -> e.getValue().latest() >= 0)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().latest()));
        List<ReadingGroup> readers = ReadingGroups.of(admin, calls, allPartitions(description), latest);
        List<TopicSetting> configs = settings.perTopic(calls).get(topic);
        if (configs == null) {
            throw TopicProblem.missing(topic, null);
        }
        List<PartitionDetail> partitions = description.partitions().stream()
                .map(p -> partition(p, offsets.getOrDefault(new TopicPartition(topic, p.partition()), PartitionOffsets.Range.UNKNOWN)))
                .toList();
        return new TopicDetail(topic, description.isInternal(), partitions, configs, readers);
    }

    private TopicDescription describeOrExplain(String topic, KafkaFuture<TopicDescription> describing) {
        try {
            return calls.await(describing);
        } catch (RuntimeException problem) {
            if (problem.getCause() instanceof UnknownTopicOrPartitionException) {
                throw TopicProblem.missing(topic, problem.getCause());
            }
            throw problem;
        }
    }

    private static PartitionDetail partition(TopicPartitionInfo info, PartitionOffsets.Range range) {
        return new PartitionDetail(info.partition(), offline(info) ? null : info.leader().id(),
                info.replicas().stream().map(n -> n.id()).toList(), info.isr().stream().map(n -> n.id()).toList(),
                range.earliest(), range.latest(), range.firstRecordTime(), range.lastRecordTime());
    }

    private static boolean offline(TopicPartitionInfo partition) {
        return partition.leader() == null || partition.leader().isEmpty();
    }

    /** Partitions with a leader: asking offsets of an offline one would only wait out the timeout. */
    private static List<TopicPartition> readablePartitions(Collection<TopicDescription> topics) {
        return topics.stream()
                .flatMap(t -> t.partitions().stream().filter(p -> !offline(p)).map(p -> new TopicPartition(t.name(), p.partition())))
                .toList();
    }

    private static List<TopicPartition> allPartitions(TopicDescription topic) {
        return topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())).toList();
    }
}
