package io.feedlens.app.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@KafkaBroker
class LagHistoryTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    Path dataFolder;

    private static PartitionLag lag(String topic, int partition, long records, Duration time) {
        return new PartitionLag(new TopicPartition(topic, partition), 0L, records, records, null, time, null, null,
                LagStatus.OK, null);
    }

    private static GroupsSnapshot snapshot(Instant at, String group, PartitionLag... partitions) {
        return new GroupsSnapshot(at, List.of(new ConsumerGroupLag(group, "classic", "Empty", "", null, List.of(),
                List.of("t"), List.of(partitions), 0, null, null, LagStatus.OK, null)));
    }

    @Test
    void historySurvivesClosingAndReopeningTheFile() {
        try (LagHistory history = LagHistory.open(dataFolder, "cluster-A")) {
            history.record(snapshot(NOW.minusSeconds(20), "scorer", lag("t", 0, 5, Duration.ofSeconds(3)), lag("t", 1, 7, null)));
            history.record(snapshot(NOW.minusSeconds(10), "scorer", lag("t", 0, 2, Duration.ofSeconds(1)), lag("t", 1, 9, Duration.ofSeconds(4))));
            history.record(snapshot(NOW.minusSeconds(10), "other", lag("t", 0, 100, null)));
        }

        try (LagHistory reopened = LagHistory.open(dataFolder, "cluster-A")) {
            GroupHistory scorer = reopened.historyNow("scorer", Duration.ofHours(1), NOW);

            assertThat(scorer.total()).containsExactly(
                    new LagPoint(NOW.minusSeconds(20), 12, Duration.ofSeconds(3)),
                    new LagPoint(NOW.minusSeconds(10), 11, Duration.ofSeconds(4)));
            assertThat(scorer.perPartition().get(new TopicPartition("t", 1))).extracting(LagPoint::lagRecords).containsExactly(7L, 9L);
            assertThat(scorer.perPartition().get(new TopicPartition("t", 1)).get(0).lagTime()).isNull();
        }
    }

    @Test
    void onlyTheAskedSpanAndTheAskedClusterAreReturned() throws Exception {
        try (LagHistory history = LagHistory.open(dataFolder, "cluster-B")) {
            history.record(snapshot(NOW.minus(Duration.ofHours(3)), "g", lag("t", 0, 1, null)));
            history.record(snapshot(NOW.minus(Duration.ofMinutes(30)), "g", lag("t", 0, 2, null)));

            assertThat(history.historyNow("g", Duration.ofHours(1), NOW).total()).extracting(LagPoint::lagRecords).containsExactly(2L);
            assertThat(history.historyNow("g", Duration.ofDays(1), NOW).total()).hasSize(2);
            assertThat(history.schemaVersion()).isEqualTo(1);
        }
        try (LagHistory other = LagHistory.open(dataFolder, "cluster-C")) {
            assertThat(other.historyNow("g", Duration.ofDays(1), NOW).total()).isEmpty();
        }
    }

    @Test
    void theSamplerStoresEveryRefreshOffTheCallersThread(EmbeddedKafka broker) throws Exception {
        String topic = GroupFixtures.unique("sampled");
        String group = GroupFixtures.unique("sampled-group");
        List<String> threads = new CopyOnWriteArrayList<>();
        try (Admin admin = GroupFixtures.admin(broker);
             ConsumerGroups groups = new ConsumerGroups(admin, GroupFixtures.client(broker), Clock.systemUTC());
             LagHistory history = LagHistory.open(dataFolder, "sampled-cluster")) {
            GroupFixtures.createTopic(admin, topic, 2);
            GroupFixtures.produce(broker, topic, 1, 6, NOW.minusSeconds(30), Duration.ofSeconds(1));
            GroupFixtures.commit(admin, group, Map.of(new TopicPartition(topic, 0), 0L, new TopicPartition(topic, 1), 2L));

            try (LagSampler sampler = LagSampler.start(groups, history, Duration.ofMillis(300),
                    snapshot -> threads.add(Thread.currentThread().getName()))) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                while (threads.size() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }

            GroupHistory stored = history.historyNow(group, Duration.ofHours(1), Instant.now().plusSeconds(1));
            assertThat(stored.total()).isNotEmpty().allSatisfy(point -> assertThat(point.lagRecords()).isEqualTo(4));
            assertThat(threads).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith("feedlens-lag-sampler"));
        }
    }
}
