package io.feedlens.app.cluster;

import io.feedlens.testing.ReadyTopics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

@KafkaBroker
class ClusterSessionTest {

    @Test
    void overviewShowsTheClusterIdBrokerAndTopicCounts(EmbeddedKafka broker) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            ReadyTopics.create(admin, List.of(new NewTopic("overview.a", 2, (short) 1), new NewTopic("overview.b", 3, (short) 1)));
        }

        ClusterSession.Connected connected = ClusterSession.connect(ClusterProfile.of("test", broker.bootstrapServers())).join();
        try (ClusterSession session = connected.session()) {
            ClusterOverview overview = connected.overview();
            assertThat(overview.clusterId()).isEqualTo(broker.clusterId());
            assertThat(overview.brokers()).extracting(BrokerNode::address).containsExactly(broker.bootstrapServers());
            assertThat(overview.controller()).isNotNull();
            assertThat(overview.topicCount()).isGreaterThanOrEqualTo(2);
            assertThat(overview.partitionCount()).isGreaterThanOrEqualTo(5);
            assertThat(session.overview().join()).isEqualTo(overview);
        }
    }

    @Test
    void aDeadAddressGivesAClearMessageWithinTenSeconds() {
        long began = System.nanoTime();
        assertThatThrownBy(() -> ClusterSession.connect(ClusterProfile.of("dead", "127.0.0.1:1")).join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(ConnectionProblem.class)
                .hasMessageContaining("No broker answered at 127.0.0.1:1");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anUnresolvableHostIsNamedAsSuch() {
        assertThatThrownBy(() -> ClusterSession.connect(ClusterProfile.of("typo", "no-such-host.invalid:9092")).join())
                .cause()
                .isInstanceOf(ConnectionProblem.class)
                .hasMessageContaining("None of the bootstrap servers").hasMessageContaining("could be resolved");
    }

    @Test
    void anInvalidClientPropertyIsReportedBeforeAnyNetworkCall() {
        ClusterProfile profile = new ClusterProfile("bad", "127.0.0.1:9092", Map.of("security.protocol", "NOT_A_PROTOCOL"));
        assertThatThrownBy(() -> ClusterSession.connect(profile).join())
                .cause()
                .isInstanceOf(ConnectionProblem.class)
                .hasMessageContaining("not valid");
    }
}
