package io.feedlens.views.topics;

import io.feedlens.testing.ReadyTopics;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.topics.PartitionDetail;
import io.feedlens.app.topics.ReadingGroup;
import io.feedlens.app.topics.TopicSetting;
import io.feedlens.app.topics.TopicSummary;
import io.feedlens.testing.KafkaBroker;
import io.feedlens.testing.WorkbenchWindow;
import io.feedlens.testing.TopicOverrides;
import io.feedlens.views.Workbench;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Topics screen in a real (headless) window on the real broker, used the way a person would. */
@KafkaBroker
@ExtendWith(ApplicationExtension.class)
class TopicsScreenTest {

    @TempDir
    static Path dataFolder;

    private final String prefix = "topics-screen-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = WorkbenchWindow.open(stage, dataFolder);
    }

    @AfterEach
    void closeWorkbench() {
        workbench.close();
    }

    @Test
    void beforeConnectingTheScreenSaysToConnect(FxRobot robot) {
        robot.clickOn("#nav-topics");

        assertThat(robot.lookup("#topics").queryAs(TableView.class).getItems()).isEmpty();
        assertThat(text(robot, "#topics-message")).isEqualTo("Connect to a cluster to see its topics.");
    }

    @Test
    void theTopicsAreListedAndTheFilterNarrowsThem(FxRobot robot, EmbeddedKafka broker) throws Exception {
        createTopics(broker);
        connectAndOpenTopics(robot, broker);

        robot.clickOn("#topic-filter").write(prefix);
        waitUntil(() -> shownTopics(robot).size() == 3);
        assertThat(shownTopics(robot)).extracting(TopicSummary::name)
                .containsExactly(prefix + "orders", prefix + "orders-retry", prefix + "payments-audit");
        TopicSummary orders = shownTopics(robot).get(0);
        assertThat(orders.partitions()).isEqualTo(3);
        assertThat(orders.estimatedRecords()).isEqualTo(5);
        assertThat(cellTexts(robot)).contains(prefix + "orders", "5", "7 d · 1.0 GB", "1 d · 1.0 GB");

        robot.write("orders");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownTopics(robot)).extracting(TopicSummary::name).containsExactly(prefix + "orders", prefix + "orders-retry");
        assertThat(text(robot, "#topic-count")).startsWith("2 of ");
    }

    @Test
    void selectingATopicShowsItsPartitionsConfigsAndReaders(FxRobot robot, EmbeddedKafka broker) throws Exception {
        createTopics(broker);
        connectAndOpenTopics(robot, broker);
        robot.clickOn("#topic-filter").write(prefix + "payments");
        waitUntil(() -> shownTopics(robot).size() == 1);

        robot.clickOn(robot.lookup("#topics").lookup((TableCell<?, ?> cell) -> (prefix + "payments-audit").equals(cell.getText()))
                .queryAs(TableCell.class));
        waitUntil(() -> text(robot, "#topic-detail-name").equals(prefix + "payments-audit")
                && robot.lookup("#partitions").queryAs(TableView.class).getItems().size() == 2);
        assertThat(text(robot, "#topic-detail-figures")).contains("2 partitions", "1 group reads it");
        List<PartitionDetail> partitions = rows(robot, "#partitions");
        assertThat(partitions).extracting(PartitionDetail::latestOffset).containsExactly(0L, 0L);

        robot.clickOn("#tab-configs");
        robot.clickOn("#non-default-only");
        WaitForAsyncUtils.waitForFxEvents();
        List<TopicSetting> overrides = rows(robot, "#configs");
        assertThat(overrides).extracting(TopicSetting::name).contains("retention.ms");
        assertThat(overrides).allSatisfy(setting -> assertThat(setting.nonDefault()).isTrue());

        robot.clickOn("#tab-consumer-groups");
        List<ReadingGroup> readers = rows(robot, "#reading-groups");
        assertThat(readers).extracting(ReadingGroup::groupId).containsExactly(prefix + "auditor");
    }

    private void connectAndOpenTopics(FxRobot robot, EmbeddedKafka broker) {
        robot.clickOn("#profile-name").write("Topics test");
        robot.clickOn("#bootstrap-servers").write(broker.bootstrapServers());
        robot.clickOn("#connect");
        waitUntil(() -> text(robot, "#status-state").equals("● Connected"));
        robot.clickOn("#nav-topics");
        waitUntil(() -> !shownTopics(robot).isEmpty());
    }

    private void createTopics(EmbeddedKafka broker) throws Exception {
        String bootstrap = broker.bootstrapServers();
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
            ReadyTopics.create(admin, List.of(new NewTopic(prefix + "orders", 3, (short) 1),
                    new NewTopic(prefix + "orders-retry", 1, (short) 1),
                    new NewTopic(prefix + "payments-audit", 2, (short) 1)));
            TopicOverrides.set(admin, prefix + "payments-audit", "retention.ms", "86400000");
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(prefix + "orders", "order-" + i, "{\"amount\":" + i + "}"));
            }
            producer.flush();
        }
        Properties consumer = new Properties();
        consumer.put("bootstrap.servers", bootstrap);
        consumer.put("group.id", prefix + "auditor");
        try (KafkaConsumer<String, String> auditor = new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition first = new TopicPartition(prefix + "payments-audit", 0);
            auditor.assign(List.of(first));
            auditor.commitSync(Map.of(first, new OffsetAndMetadata(0)));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<TopicSummary> shownTopics(FxRobot robot) {
        return List.copyOf(robot.lookup("#topics").queryAs(TableView.class).getItems());
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> rows(FxRobot robot, String table) {
        return List.copyOf(robot.lookup(table).queryAs(TableView.class).getItems());
    }

    /** The texts the topic table's cells show right now. */
    private static List<String> cellTexts(FxRobot robot) {
        return robot.lookup("#topics").lookup((TableCell<?, ?> cell) -> cell.getText() != null).queryAllAs(TableCell.class)
                .stream().map(cell -> cell.getText()).toList();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(Duration.ofSeconds(15).toMillis(), TimeUnit.MILLISECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Not seen within 15 s", e);
        }
    }
}
