package io.feedlens.app.groups;

import static io.feedlens.app.groups.GroupFixtures.admin;
import static io.feedlens.app.groups.GroupFixtures.client;
import static io.feedlens.app.groups.GroupFixtures.commit;
import static io.feedlens.app.groups.GroupFixtures.createTopic;
import static io.feedlens.app.groups.GroupFixtures.produce;
import static io.feedlens.app.groups.GroupFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.tools.consumer.group.KafkaToolLag;
import org.junit.jupiter.api.Test;

@KafkaBroker
class ConsumerGroupsTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /** The figures FeedLens shows for a group, in the shape of Kafka's tool: offset, log end, lag (-1 for "-"). */
    private static Map<TopicPartition, KafkaToolLag.Row> shown(ConsumerGroupLag group) {
        Map<TopicPartition, KafkaToolLag.Row> rows = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        for (PartitionLag p : group.partitions()) {
            rows.put(p.partition(), new KafkaToolLag.Row(p.committedOffset() == null ? -1 : p.committedOffset(),
                    p.logEndOffset() == null ? -1 : p.logEndOffset(), p.lag() == null ? -1 : p.lag()));
        }
        return rows;
    }

    @Test
    void lagEqualsWhatKafkasConsumerGroupCommandReportsPartitionByPartition(EmbeddedKafka broker) throws Exception {
        String topic = unique("lag-equal");
        String group = unique("reporting");
        try (Admin admin = admin(broker); ConsumerGroups groups = new ConsumerGroups(admin, client(broker), Clock.systemUTC())) {
            createTopic(admin, topic, 3);
            for (int p = 0; p < 3; p++) {
                produce(broker, topic, p, 10 * (p + 1), NOW.minusSeconds(600), Duration.ofSeconds(1));
            }
            commit(admin, group, Map.of(new TopicPartition(topic, 0), 4L, new TopicPartition(topic, 1), 20L,
                    new TopicPartition(topic, 2), 7L));

            ConsumerGroupLag shown = groups.describeNow(group);

            assertThat(shown(shown)).isEqualTo(KafkaToolLag.describe(broker.bootstrapServers(), group));
            assertThat(shown.totalLag()).isEqualTo(6 + 0 + 23);
            assertThat(shown.type()).isEqualTo("classic");
            assertThat(shown.state()).isEqualTo("Empty");
            assertThat(shown.topics()).containsExactly(topic);
        }
    }

    @Test
    void aNewProtocolGroupWithALiveMemberShowsItsMemberAndMatchesKafkasTool(EmbeddedKafka broker) throws Exception {
        String topic = unique("new-protocol");
        String group = unique("kip848");
        try (Admin admin = admin(broker); ConsumerGroups groups = new ConsumerGroups(admin, client(broker), Clock.systemUTC())) {
            createTopic(admin, topic, 2);
            produce(broker, topic, 0, 5, NOW.minusSeconds(60), Duration.ofSeconds(1));
            try (KafkaConsumer<byte[], byte[]> member = GroupFixtures.liveMember(broker, group, topic, "consumer")) {
                member.commitSync(Map.of(new TopicPartition(topic, 0), new org.apache.kafka.clients.consumer.OffsetAndMetadata(2)));

                ConsumerGroupLag shown = groups.describeNow(group);

                assertThat(shown.type()).isEqualTo("consumer");
                assertThat(shown.members()).singleElement().satisfies(m -> {
                    assertThat(m.clientId()).isEqualTo("member-of-" + group);
                    assertThat(m.assignment()).hasSize(2);
                });
                assertThat(shown.coordinator()).isNotNull();
                assertThat(shown(shown)).isEqualTo(KafkaToolLag.describe(broker.bootstrapServers(), group));
                assertThat(shown.partitions()).filteredOn(p -> p.partition().partition() == 1).singleElement()
                        .satisfies(p -> assertThat(p.note()).contains("Nothing committed"));
            }
        }
    }

    @Test
    void lagInTimeIsTheAgeOfTheOldestUnconsumedRecordAndCatchUpFollowsTheConsumeRate(EmbeddedKafka broker) throws Exception {
        String topic = unique("lag-time");
        String group = unique("fresh");
        GroupFixtures.HandClock clock = new GroupFixtures.HandClock(NOW);
        TopicPartition tp = new TopicPartition(topic, 0);
        try (Admin admin = admin(broker); ConsumerGroups groups = new ConsumerGroups(admin, client(broker), clock)) {
            createTopic(admin, topic, 1);
            produce(broker, topic, 0, 100, NOW.minusSeconds(100), Duration.ofSeconds(1));
            commit(admin, group, Map.of(tp, 40L));

            PartitionLag first = groups.describeNow(group).partitions().get(0);
            assertThat(first.oldestUnconsumedAt()).isEqualTo(NOW.minusSeconds(100 - 40));
            assertThat(first.lagTime()).isEqualTo(Duration.ofSeconds(60));
            assertThat(first.timeToCatchUp()).as("no rate from one sample").isNull();

            clock.advance(Duration.ofSeconds(10));
            commit(admin, group, Map.of(tp, 50L));
            PartitionLag second = groups.describeNow(group).partitions().get(0);

            assertThat(second.lagTime()).isEqualTo(Duration.ofSeconds(60));
            assertThat(second.timeToCatchUp()).as("50 records at 1 record/s").isEqualTo(Duration.ofSeconds(50));
        }
    }

    @Test
    void aGroupDeletedWhileShownLeavesTheListAndDescribingItSaysSo(EmbeddedKafka broker) throws Exception {
        String topic = unique("deleted-group");
        String group = unique("short-lived");
        try (Admin admin = admin(broker); ConsumerGroups groups = new ConsumerGroups(admin, client(broker), Clock.systemUTC())) {
            createTopic(admin, topic, 1);
            commit(admin, group, Map.of(new TopicPartition(topic, 0), 0L));
            assertThat(groups.refreshNow().find(group)).isPresent();

            admin.deleteConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS);

            assertThat(groups.refreshNow().find(group)).isEmpty();
            assertThatThrownBy(() -> groups.describe(group).join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(GroupProblem.class)
                    .hasMessageContaining("There is no consumer group '" + group + "'");
        }
    }

    @Test
    void aGroupThatCommittedNothingShowsItsPartitionsWithoutLag(EmbeddedKafka broker) throws Exception {
        String topic = unique("no-commits");
        String group = unique("never-committed");
        try (Admin admin = admin(broker); ConsumerGroups groups = new ConsumerGroups(admin, client(broker), Clock.systemUTC())) {
            createTopic(admin, topic, 2);
            produce(broker, topic, 0, 3, NOW.minusSeconds(10), Duration.ofSeconds(1));
            try (KafkaConsumer<byte[], byte[]> member = GroupFixtures.liveMember(broker, group, topic, "classic")) {
                ConsumerGroupLag shown = groups.describeNow(group);

                assertThat(shown.partitions()).hasSize(2).allSatisfy(p -> {
                    assertThat(p.committedOffset()).isNull();
                    assertThat(p.lag()).isNull();
                    assertThat(p.note()).isEqualTo("Nothing committed here yet.");
                });
                assertThat(shown.totalLag()).isZero();
                assertThat(shown.status()).isEqualTo(LagStatus.OK);
            }
        }
    }

    @Test
    void aTopicDeletedUnderAGroupIsSaidSoAndTheOtherTopicsStillShow(EmbeddedKafka broker) throws Exception {
        String kept = unique("kept");
        String doomed = unique("doomed");
        String group = unique("two-topics");
        try (Admin admin = admin(broker); ConsumerGroups groups = new ConsumerGroups(admin, client(broker), Clock.systemUTC())) {
            createTopic(admin, kept, 1);
            createTopic(admin, doomed, 1);
            produce(broker, kept, 0, 5, NOW.minusSeconds(10), Duration.ofSeconds(1));
            commit(admin, group, Map.of(new TopicPartition(kept, 0), 1L, new TopicPartition(doomed, 0), 0L));

            admin.deleteTopics(List.of(doomed)).all().get(10, TimeUnit.SECONDS);
            ConsumerGroupLag shown = groups.describeNow(group);

            assertThat(shown.partitionsOf(kept)).singleElement().satisfies(p -> assertThat(p.lag()).isEqualTo(4));
            // The coordinator may already have dropped the offsets of the deleted topic; if not, they are marked gone.
            assertThat(shown.partitionsOf(doomed)).allSatisfy(p -> {
                assertThat(p.lag()).isNull();
                assertThat(p.note()).contains("no longer exists");
            });
        }
    }
}
