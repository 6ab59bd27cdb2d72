package io.feedlens.views.groups;

import io.feedlens.testing.ReadyTopics;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.groups.ConsumerGroupLag;
import io.feedlens.app.groups.PartitionLag;
import io.feedlens.app.groups.PartitionMove;
import io.feedlens.testing.KafkaBroker;
import io.feedlens.testing.WorkbenchWindow;
import io.feedlens.views.Workbench;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Consumer groups screen in a real (headless) window on the real broker, used the way a person would. */
@KafkaBroker
@ExtendWith(ApplicationExtension.class)
class GroupsScreenTest {

    @TempDir
    static Path dataFolder;

    private final String prefix = "groups-screen-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final String topic = prefix + "decisions";
    private final String groupId = prefix + "scorer";
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
        robot.clickOn("#nav-consumer-groups");

        assertThat(rows(robot, "#groups")).isEmpty();
        assertThat(text(robot, "#groups-message")).isEqualTo("Connect to a cluster to see its consumer groups.");
    }

    @Test
    void aLaggingGroupIsListedDetailedAndItsResetDryRunButRefusedOnAReadOnlyConnection(FxRobot robot, EmbeddedKafka broker)
            throws Exception {
        createLaggingGroup(broker);
        connect(robot, broker);
        robot.clickOn("#nav-consumer-groups");
        robot.clickOn("#group-filter").write(prefix);
        waitUntil(() -> rows(robot, "#groups").size() == 1);

        ConsumerGroupLag group = (ConsumerGroupLag) rows(robot, "#groups").get(0);
        assertThat(group.groupId()).isEqualTo(groupId);
        assertThat(group.totalLag()).isEqualTo(9);
        assertThat(cellTexts(robot, "#groups")).contains(groupId, "Empty", topic, "9");

        robot.clickOn(robot.lookup("#groups").lookup((TableCell<?, ?> cell) -> groupId.equals(cell.getText())).queryAs(TableCell.class));
        waitUntil(() -> text(robot, "#group-detail-name").equals(groupId) && rows(robot, "#group-partitions").size() == 3);
        assertThat(rows(robot, "#group-partitions")).extracting(row -> ((PartitionLag) row).lag()).containsOnly(3L);

        robot.clickOn("#reset-offsets");
        robot.clickOn("#reset-dry-run");
        waitUntil(() -> rows(robot, "#reset-plan").size() == 3);
        assertThat(rows(robot, "#reset-plan")).extracting(row -> ((PartitionMove) row).newOffset()).containsOnly(0L);
        assertThat(text(robot, "#reset-summary")).contains("6 records will be read again");
        assertThat(text(robot, "#reset-refusal")).contains("is not writable");
        assertThat(robot.lookup("#reset-apply").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#reset-close");
    }

    @Test
    void onAWritableConnectionTheResetIsConfirmedAndApplied(FxRobot robot, EmbeddedKafka broker) throws Exception {
        createLaggingGroup(broker);
        robot.clickOn("#profile-writable");
        connect(robot, broker);
        robot.clickOn("#nav-consumer-groups");
        robot.clickOn("#group-filter").write(prefix);
        waitUntil(() -> rows(robot, "#groups").size() == 1);
        robot.clickOn(robot.lookup("#groups").lookup((TableCell<?, ?> cell) -> groupId.equals(cell.getText())).queryAs(TableCell.class));
        waitUntil(() -> text(robot, "#group-detail-name").equals(groupId));

        robot.clickOn("#reset-offsets");
        robot.clickOn("#reset-dry-run");
        waitUntil(() -> rows(robot, "#reset-plan").size() == 3);
        robot.clickOn("#reset-apply");
        assertThat(robot.lookup((Label label) -> label.getText() != null && label.getText().equals(
                "Reset 3 partitions of " + groupId + " on " + topic + ": 6 records will be read again?")).tryQuery()).isPresent();
        robot.clickOn("Reset offsets");

        waitUntil(() -> text(robot, "#reset-outcome").startsWith("Done: the offsets of " + groupId));
        robot.clickOn("#reset-close");
        waitUntil(() -> ((ConsumerGroupLag) rows(robot, "#groups").get(0)).totalLag() == 15);
    }

    @Test
    void doubleClickingAReadingGroupOnTheTopicsScreenOpensItHere(FxRobot robot, EmbeddedKafka broker) throws Exception {
        createLaggingGroup(broker);
        connect(robot, broker);
        robot.clickOn("#nav-topics");
        robot.clickOn("#topic-filter").write(topic);
        waitUntil(() -> rows(robot, "#topics").size() == 1);
        robot.clickOn(robot.lookup("#topics").lookup((TableCell<?, ?> cell) -> topic.equals(cell.getText())).queryAs(TableCell.class));
        waitUntil(() -> text(robot, "#topic-detail-name").equals(topic));
        robot.clickOn("#tab-consumer-groups");
        waitUntil(() -> rows(robot, "#reading-groups").size() == 1);

        robot.doubleClickOn(robot.lookup("#reading-groups").lookup((TableCell<?, ?> cell) -> groupId.equals(cell.getText()))
                .queryAs(TableCell.class));

        waitUntil(() -> robot.lookup("#groups").tryQuery().isPresent() && text(robot, "#group-detail-name").equals(groupId));
        assertThat(rows(robot, "#group-partitions")).hasSize(3);
    }

    private void createLaggingGroup(EmbeddedKafka broker) throws Exception {
        String bootstrap = broker.bootstrapServers();
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
            ReadyTopics.create(admin, List.of(new NewTopic(topic, 3, (short) 1)));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                    new StringSerializer(), new StringSerializer())) {
                for (int partition = 0; partition < 3; partition++) {
                    for (int i = 0; i < 5; i++) {
                        producer.send(new ProducerRecord<>(topic, partition, "card-" + i, "{\"score\":0.9}"));
                    }
                }
                producer.flush();
            }
            // Committed at 2 of 5 on each partition: 3 records behind on each, 9 in all, and nobody consuming.
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
            for (int partition = 0; partition < 3; partition++) {
                committed.put(new TopicPartition(topic, partition), new OffsetAndMetadata(2));
            }
            admin.alterConsumerGroupOffsets(groupId, committed).all().get();
        }
    }

    private static void connect(FxRobot robot, EmbeddedKafka broker) {
        robot.clickOn("#profile-name").write("Groups test");
        robot.clickOn("#bootstrap-servers").write(broker.bootstrapServers());
        robot.clickOn("#connect");
        waitUntil(() -> text(robot, "#status-state").equals("● Connected"));
    }

    private static List<?> rows(FxRobot robot, String table) {
        return List.copyOf(robot.lookup(table).queryAs(TableView.class).getItems());
    }

    private static List<String> cellTexts(FxRobot robot, String table) {
        return robot.lookup(table).lookup((TableCell<?, ?> cell) -> cell.getText() != null).queryAllAs(TableCell.class)
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
