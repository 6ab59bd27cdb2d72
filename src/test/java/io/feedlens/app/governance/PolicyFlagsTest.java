package io.feedlens.app.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.DataFolder;
import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.cluster.ClusterSession;
import io.feedlens.app.demo.GroundTruth;
import io.feedlens.app.lineage.LineageIndexes;
import io.feedlens.app.report.AuditReports;
import io.feedlens.app.report.FlagWords;
import io.feedlens.app.report.ProducedFeed;
import io.feedlens.lineage.store.LineageStore;
import io.feedlens.lineage.trace.Trace;
import io.feedlens.lineage.trace.TraceEvent;
import io.feedlens.lineage.trace.TraceFlag;
import io.feedlens.lineage.trace.TraceInput;
import io.feedlens.testing.KafkaBroker;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** The policy checks of a trace against the owners' governance file and the topics' real retention. */
@KafkaBroker
class PolicyFlagsTest {

    @Test
    void anInputFromAnAnalyticsOnlyTopicIsFlaggedAndOnlyThatOne(EmbeddedKafka broker) throws Exception {
        ProducedFeed feed = ProducedFeed.generate(broker, "policy-analytics", 20, 77L);
        try (LineageStore store = indexed(feed);
             ClusterSession session = ClusterSession.connect(ClusterProfile.of("t", broker.bootstrapServers())).join().session()) {
            String velocity = feed.topics.txnVelocity();
            GovernanceStore governance = new GovernanceStore(DataFolder.path(), session.overview().join().clusterId());
            GroundTruth.Decision decision = feed.truth.decisions().get(5);
            Trace before = trace(feed, store, session, decision);
            assertThat(before.flags()).doesNotContain(TraceFlag.ANALYTICS_ONLY_INPUT);

            governance.update(g -> g.withTopic(velocity, new TopicGovernance("ml-research", Classification.ANALYTICS_ONLY, null, null)));
            Trace after = trace(feed, store, session, decision);

            assertThat(after.flags()).contains(TraceFlag.ANALYTICS_ONLY_INPUT);
            List<TraceInput> fromVelocity = after.inputs().stream().filter(i -> onTopic(i, velocity)).toList();
            assertThat(fromVelocity).isNotEmpty().allSatisfy(input -> {
                assertThat(input.flags()).contains(TraceFlag.ANALYTICS_ONLY_INPUT);
                assertThat(input.notes()).contains("derives from " + velocity + ", which is classified analytics only");
            });
            assertThat(after.inputs().stream().filter(i -> !onTopic(i, velocity)))
                    .isNotEmpty().allSatisfy(input -> assertThat(input.flags()).doesNotContain(TraceFlag.ANALYTICS_ONLY_INPUT));

            String html = Files.readString(AuditReports.write(session, store, feed.profile, ProducedFeed.decoder(), decision.id(),
                    Files.createTempDirectory("policy-report")).orElseThrow().html());
            assertThat(html).contains(FlagWords.of(TraceFlag.ANALYTICS_ONLY_INPUT).label(), "ml-research");
        }
    }

    @Test
    void aSourceTopicKeepingRecordsForLessThanRequiredPutsReplayAtRisk(EmbeddedKafka broker) throws Exception {
        ProducedFeed feed = ProducedFeed.generate(broker, "policy-retention", 20, 78L);
        try (LineageStore store = indexed(feed);
             ClusterSession session = ClusterSession.connect(ClusterProfile.of("t", broker.bootstrapServers())).join().session()) {
            String payments = feed.topics.payments();
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, payments);
            session.admin().incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                    new ConfigEntry("retention.ms", String.valueOf(Duration.ofDays(2).toMillis())), AlterConfigOp.OpType.SET))))
                    .all().get(10, TimeUnit.SECONDS);
            GovernanceStore governance = new GovernanceStore(DataFolder.path(), session.overview().join().clusterId());
            GroundTruth.Decision decision = feed.truth.decisions().get(5);

            governance.update(g -> g.withTopic(payments, new TopicGovernance(null, null, Duration.ofDays(1), null)));
            assertThat(trace(feed, store, session, decision).flags()).as("2 d kept, 1 d required").doesNotContain(TraceFlag.REPLAY_AT_RISK);

            governance.update(g -> g.withTopic(payments, new TopicGovernance(null, null, Duration.ofDays(30), null)));
            Trace trace = trace(feed, store, session, decision);

            assertThat(trace.flags()).contains(TraceFlag.REPLAY_AT_RISK);
            List<TraceEvent> events = trace.inputs().stream().flatMap(i -> i.events().stream())
                    .filter(e -> e.copies().stream().anyMatch(c -> c.topic().equals(payments))).toList();
            assertThat(events).isNotEmpty().allSatisfy(event -> {
                assertThat(event.flags()).contains(TraceFlag.REPLAY_AT_RISK);
                assertThat(event.notes()).contains(payments + " keeps records 2 d, less than the 30 d its owners require: replay at risk");
            });
            assertThat(trace.inputs()).allSatisfy(input -> assertThat(input.flags()).as("feature topics keep records forever here")
                    .doesNotContain(TraceFlag.REPLAY_AT_RISK));
        }
    }

    private static LineageStore indexed(ProducedFeed feed) throws Exception {
        LineageStore store = LineageStore.open(Files.createTempDirectory("feedlens-policy").resolve("index"));
        feed.index(store);
        return store;
    }

    private static Trace trace(ProducedFeed feed, LineageStore store, ClusterSession session, GroundTruth.Decision decision) {
        return LineageIndexes.tracerFor(DataFolder.path(), session.overview().join().clusterId(), session, store, feed.profile)
                .trace(decision.id()).orElseThrow();
    }

    private static boolean onTopic(TraceInput input, String topic) {
        return input.copies().stream().anyMatch(c -> c.topic().equals(topic));
    }
}
