package io.feedlens.views.topics;

import io.feedlens.testing.ReadyTopics;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.topics.TopicSummary;
import io.feedlens.testing.KafkaBroker;
import io.feedlens.testing.TopicOverrides;
import io.feedlens.views.shell.ActiveCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Topics screen's logic without a window or the JavaFX toolkit, against the real broker. */
@KafkaBroker
class TopicsViewModelTest {

    private final String prefix = "topics-vm-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final ActiveCluster cluster = new ActiveCluster(Runnable::run);
    private final TopicsViewModel model = new TopicsViewModel(cluster, Runnable::run);
    private EmbeddedKafka broker;

    @BeforeEach
    void createTopics(EmbeddedKafka broker) throws Exception {
        this.broker = broker;
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()))) {
            ReadyTopics.create(admin, List.of(new NewTopic(prefix + "orders", 3, (short) 1),
                    new NewTopic(prefix + "orders-retry", 1, (short) 1),
                    new NewTopic(prefix + "payments", 2, (short) 1)));
            TopicOverrides.set(admin, prefix + "payments", "cleanup.policy", "compact");
        }
    }

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void beforeConnectingTheListSaysToConnect() {
        assertThat(model.topics()).isEmpty();
        assertThat(model.emptyListText().get()).isEqualTo("Connect to a cluster to see its topics.");
        assertThat(model.detail().messageProperty().get()).isEqualTo("Connect to a cluster to see its topics.");
    }

    @Test
    void connectingListsTheTopicsAndTheFilterNarrowsThem() {
        connect();

        model.filterProperty().set(prefix.toUpperCase());
        assertThat(names()).containsExactlyInAnyOrder(prefix + "orders", prefix + "orders-retry", prefix + "payments");
        model.filterProperty().set(prefix + "orders");
        assertThat(names()).containsExactlyInAnyOrder(prefix + "orders", prefix + "orders-retry");
        assertThat(model.countText().get()).startsWith("2 of ");

        model.filterProperty().set(prefix + "nothing-like-this");
        assertThat(model.topics()).isEmpty();
        assertThat(model.emptyListText().get()).isEqualTo("No topic name contains '" + prefix + "nothing-like-this'.");
    }

    @Test
    void selectingATopicLoadsItsDetailAndNonDefaultOnlyNarrowsTheConfigs() {
        connect();
        TopicSummary payments = model.topics().filtered(t -> t.name().equals(prefix + "payments")).get(0);
        assertThat(payments.cleanupPolicy()).isEqualTo("compact");

        model.selectedProperty().set(payments);
        eventually(() -> model.detail().partitions().size() == 2);

        assertThat(model.detail().topicProperty().get()).isEqualTo(prefix + "payments");
        int all = model.detail().settings().size();
        model.detail().nonDefaultOnlyProperty().set(true);
        assertThat(model.detail().settings()).hasSizeLessThan(all)
                .anySatisfy(s -> assertThat(s.name()).isEqualTo("cleanup.policy"))
                .allSatisfy(s -> assertThat(s.nonDefault()).isTrue());
    }

    @Test
    void thePeriodicListUpdateKeepsTheSelectionAndLeavesTheDetailAlone() {
        connect();
        TopicSummary orders = model.topics().filtered(t -> t.name().equals(prefix + "orders")).get(0);
        model.selectedProperty().set(orders);
        eventually(() -> model.detail().partitions().size() == 3);
        Object shownDetail = model.detail().detailProperty().get();

        model.filterProperty().set(prefix + "payments");
        model.refreshTopicList().join();

        assertThat(model.selectedProperty().get().name()).isEqualTo(prefix + "orders");
        assertThat(model.detail().detailProperty().get()).isSameAs(shownDetail);
    }

    @Test
    void disconnectingEmptiesTheListAndSaysWhy() {
        connect();

        cluster.disconnect();

        assertThat(model.topics()).isEmpty();
        assertThat(model.selectedProperty().get()).isNull();
        assertThat(model.emptyListText().get()).isEqualTo("Connect to a cluster to see its topics.");
    }

    private void connect() {
        cluster.connect(ClusterProfile.of("test", broker.bootstrapServers())).join();
        model.refresh().join();
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.selectedProperty().get()).isNotNull();
    }

    private List<String> names() {
        return model.topics().stream().map(TopicSummary::name).toList();
    }

    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not true within 10 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
