package io.feedlens.app.groups;

import static io.feedlens.app.groups.GroupFixtures.admin;
import static io.feedlens.app.groups.GroupFixtures.commit;
import static io.feedlens.app.groups.GroupFixtures.createTopic;
import static io.feedlens.app.groups.GroupFixtures.produce;
import static io.feedlens.app.groups.GroupFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

@KafkaBroker
class OffsetResetsTest {

    private static final Instant FIRST = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);

    private static ClusterProfile writable(EmbeddedKafka broker) {
        return ClusterProfile.of("test", broker.bootstrapServers()).withWritable(true);
    }

    /** A topic with 20 records per partition stamped FIRST + i seconds, and the group committed at 15 on each. */
    private static String topicWithGroupAt15(EmbeddedKafka broker, Admin admin, String group, int partitions) throws Exception {
        String topic = unique("replay");
        createTopic(admin, topic, partitions);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            produce(broker, topic, p, 20, FIRST, Duration.ofSeconds(1));
            offsets.put(new TopicPartition(topic, p), 15L);
        }
        commit(admin, group, offsets);
        return topic;
    }

    private static Map<TopicPartition, Long> committed(Admin admin, String group) throws Exception {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                .forEach((tp, offset) -> offsets.put(tp, offset.offset()));
        return offsets;
    }

    @Test
    void aDryRunChangesNothingAndSaysWhatWillBeReadAgainAndWhen(EmbeddedKafka broker) throws Exception {
        String group = unique("dry");
        try (Admin admin = admin(broker); OffsetResets resets = new OffsetResets(admin, writable(broker))) {
            String topic = topicWithGroupAt15(broker, admin, group, 1);

            ResetPlan plan = resets.dryRunNow(group, topic, new ResetTarget.ToEarliest(), List.of());

            assertThat(plan.moves()).singleElement().isEqualTo(new PartitionMove(new TopicPartition(topic, 0), 15L, 0, 15L,
                    FIRST, FIRST.plusSeconds(14), null));
            assertThat(plan.recordsReread()).isEqualTo(15);
            assertThat(committed(admin, group)).containsEntry(new TopicPartition(topic, 0), 15L);
        }
    }

    @Test
    void anExecuteMovesTheOffsetsExactlyAsTheDryRunSaidAndOnlyOnTheChosenPartitions(EmbeddedKafka broker) throws Exception {
        String group = unique("execute");
        try (Admin admin = admin(broker); OffsetResets resets = new OffsetResets(admin, writable(broker))) {
            String topic = topicWithGroupAt15(broker, admin, group, 3);

            ResetPlan plan = resets.dryRunNow(group, topic, new ResetTarget.ShiftBy(-5), List.of(0, 2));
            resets.executeNow(plan);

            assertThat(plan.moves()).extracting(PartitionMove::newOffset).containsExactly(10L, 10L);
            assertThat(plan.moves()).allSatisfy(m -> {
                assertThat(m.records()).isEqualTo(5);
                assertThat(m.spanFrom()).isEqualTo(FIRST.plusSeconds(10));
                assertThat(m.spanTo()).isEqualTo(FIRST.plusSeconds(14));
            });
            assertThat(committed(admin, group)).isEqualTo(Map.of(new TopicPartition(topic, 0), 10L,
                    new TopicPartition(topic, 1), 15L, new TopicPartition(topic, 2), 10L));
        }
    }

    @Test
    void aResetIsRefusedWhileTheGroupHasActiveMembers(EmbeddedKafka broker) throws Exception {
        String group = unique("busy");
        try (Admin admin = admin(broker); OffsetResets resets = new OffsetResets(admin, writable(broker))) {
            String topic = topicWithGroupAt15(broker, admin, group, 1);
            try (KafkaConsumer<byte[], byte[]> member = GroupFixtures.liveMember(broker, group, topic, "classic")) {
                ResetPlan plan = resets.dryRunNow(group, topic, new ResetTarget.ToEarliest(), List.of());

                assertThatThrownBy(() -> resets.executeNow(plan)).isInstanceOf(GroupProblem.class)
                        .hasMessageContaining("has 1 active member(s) (member-of-" + group)
                        .hasMessageContaining("Stop its consumers first");
                assertThat(committed(admin, group)).containsEntry(new TopicPartition(topic, 0), 15L);
            }
        }
    }

    @Test
    void aResetIsRefusedWhenTheConnectionIsNotMarkedWritable(EmbeddedKafka broker) throws Exception {
        String group = unique("read-only");
        try (Admin admin = admin(broker);
             OffsetResets resets = new OffsetResets(admin, ClusterProfile.of("prod", broker.bootstrapServers()))) {
            String topic = topicWithGroupAt15(broker, admin, group, 1);
            ResetPlan plan = resets.dryRunNow(group, topic, new ResetTarget.ToLatest(), List.of());

            assertThatThrownBy(() -> resets.executeNow(plan)).isInstanceOf(GroupProblem.class)
                    .hasMessageContaining("The connection 'prod' is not marked writable");
            assertThat(committed(admin, group)).containsEntry(new TopicPartition(topic, 0), 15L);
        }
    }

    @Test
    void aResetToATimestampPastTheEndGoesToTheEndAndSaysSo(EmbeddedKafka broker) throws Exception {
        String group = unique("future");
        try (Admin admin = admin(broker); OffsetResets resets = new OffsetResets(admin, writable(broker))) {
            String topic = topicWithGroupAt15(broker, admin, group, 1);
            Instant future = Instant.now().plusSeconds(86_400);

            ResetPlan plan = resets.dryRunNow(group, topic, new ResetTarget.ToDatetime(future), List.of());

            assertThat(plan.moves()).singleElement().satisfies(m -> {
                assertThat(m.newOffset()).isEqualTo(20);
                assertThat(m.records()).as("five records skipped").isEqualTo(-5);
                assertThat(m.note()).isEqualTo("No record at or after " + future + ": goes to the end (offset 20).");
            });
            assertThat(plan.recordsSkipped()).isEqualTo(5);
        }
    }

    @Test
    void aResetToATimestampGoesToTheFirstRecordStampedAtOrAfterIt(EmbeddedKafka broker) throws Exception {
        String group = unique("moment");
        try (Admin admin = admin(broker); OffsetResets resets = new OffsetResets(admin, writable(broker))) {
            String topic = topicWithGroupAt15(broker, admin, group, 1);

            ResetPlan plan = resets.dryRunNow(group, topic, new ResetTarget.ToDatetime(FIRST.plusMillis(6_500)), List.of());

            assertThat(plan.moves()).singleElement().extracting(PartitionMove::newOffset).isEqualTo(7L);
        }
    }

    @Test
    void anExecuteIsRefusedWhenTheOffsetsMovedSinceTheDryRun(EmbeddedKafka broker) throws Exception {
        String group = unique("moved");
        try (Admin admin = admin(broker); OffsetResets resets = new OffsetResets(admin, writable(broker))) {
            String topic = topicWithGroupAt15(broker, admin, group, 1);
            ResetPlan plan = resets.dryRunNow(group, topic, new ResetTarget.ToEarliest(), List.of());
            admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(18)))
                    .all().get(10, TimeUnit.SECONDS);

            assertThatThrownBy(() -> resets.executeNow(plan)).hasMessageContaining("moved since the dry run");
            assertThat(committed(admin, group)).containsEntry(new TopicPartition(topic, 0), 18L);
        }
    }
}
