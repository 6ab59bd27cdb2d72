package io.feedlens.views.messages;

import io.feedlens.testing.ReadyTopics;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.export.ExportFormat;
import io.feedlens.app.governance.GovernanceStore;
import io.feedlens.app.governance.MaskAction;
import io.feedlens.app.governance.MaskRule;
import io.feedlens.testing.KafkaBroker;
import io.feedlens.views.Workbench;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Messages tab in a real (headless) window on the real broker, used the way a person would. */
@KafkaBroker
@ExtendWith(ApplicationExtension.class)
class MessagesScreenTest {

    @TempDir
    static Path dataFolder;

    private final String topic = "messages-screen-" + UUID.randomUUID().toString().substring(0, 8);
    private Workbench workbench;
    private Path home;

    @Start
    void start(Stage stage) {
        home = dataFolder.resolve("home-" + System.nanoTime());
        workbench = new Workbench(home, () -> {
            throw new IllegalStateException("no demo cluster in this test");
        });
        Scene scene = new Scene(workbench.root(), 1280, 800);
        Workbench.dress(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeWorkbench() {
        workbench.close();
    }

    @Test
    void theTabOpensWithTheNewestRecordsAndASearchNarrowsThemToWhatMatches(FxRobot robot, EmbeddedKafka broker) throws Exception {
        writePayments(broker, 300);
        openMessages(robot, broker);
        waitForScan(robot, 100);
        assertThat(text(robot, "#shown-text")).isEqualTo("showing the newest 100 records");
        assertThat(text(robot, "#scan-figures")).startsWith("scanned 300 · matched 300");

        robot.clickOn("#browse-mode").clickOn("From offset");
        robot.clickOn("#cel-filter").write("value.amount >= 295 && headers['ce_type'] == 'payment'");
        robot.clickOn("#start-search");
        waitForScan(robot, 5);
        assertThat(text(robot, "#shown-text")).isEqualTo("5 matches");
        assertThat(text(robot, "#scan-figures")).startsWith("scanned 301 · matched 5").contains("1 did not decode");
        assertThat(cellTexts(robot)).contains("{\"amount\":299,\"card\":\"card-299\"}", "card-299");
    }

    @Test
    void aBadFilterIsPointedAtAndNothingRuns(FxRobot robot, EmbeddedKafka broker) throws Exception {
        writePayments(broker, 10);
        openMessages(robot, broker);
        waitForScan(robot, 11);

        robot.clickOn("#cel-filter").write("value.amount >");
        robot.clickOn("#start-search");

        waitUntil(() -> robot.lookup("#filter-problem").queryAs(Label.class).isVisible());
        assertThat(text(robot, "#filter-problem")).contains("line 1, column 15").contains("^");
        assertThat(rows(robot)).isEqualTo(11);
    }

    @Test
    void selectingARowShowsTheRecordInFullAndTheShownRowsExport(FxRobot robot, EmbeddedKafka broker) throws Exception {
        writePayments(broker, 10);
        openMessages(robot, broker);
        waitForScan(robot, 11);

        robot.clickOn(whereShown(robot, "card-7"));

        waitUntil(() -> robot.lookup("#record-hex").queryAs(TextArea.class).getText().startsWith("00000000  7b 22 61"));
        assertThat(robot.lookup("#record-coordinates").queryAs(TextField.class).getText()).isEqualTo(topic + "/1@2");
        assertThat(robot.lookup("#record-value").queryAs(TextArea.class).getText()).contains("\"amount\" : 7");
        assertThat(text(robot, "#record-format")).startsWith("value: JSON");
        robot.clickOn("#record-tab-headers");
        assertThat(cellTexts(robot)).contains("ce_type", "payment", "hex: 00ff");

        // F3 moves to the next row (the newest first: card-6), Ctrl+C copies it as its cells show it.
        robot.type(KeyCode.F3);
        waitUntil(() -> robot.lookup("#record-coordinates").queryAs(TextField.class).getText().equals(topic + "/0@2"));
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        List<String> copied = new java.util.ArrayList<>();
        robot.interact(() -> copied.add(javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        assertThat(copied.get(0)).startsWith("0\t2\t").contains("\tcard-6\t{\"amount\":6,\"card\":\"card-6\"}\t2\t");

        robot.clickOn(whereShown(robot, "broken"));
        waitUntil(() -> text(robot, "#record-problem").startsWith("Value: "));

        Path file = dataFolder.resolve(topic + ".csv");
        robot.interact(() -> workbench.messages().export().exportShown(workbench.messages().rows(), file, ExportFormat.CSV));
        waitUntil(() -> text(robot, "#export-status").startsWith("Exported 11 records"));
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(12);
    }

    @Test
    void maskedFieldsShowNowhereInTheTableNorInTheRecordDetail(FxRobot robot, EmbeddedKafka broker) throws Exception {
        writePayments(broker, 10);
        String clusterId;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            clusterId = admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
        }
        new GovernanceStore(home, clusterId).update(g -> g.withRule(new MaskRule(topic, MaskRule.Part.VALUE, "$.card", MaskAction.MASK))
                .withRule(new MaskRule(topic, MaskRule.Part.KEY, "$", MaskAction.HASH)));
        openMessages(robot, broker);
        waitForScan(robot, 11);

        assertThat(cellTexts(robot)).contains("{\"amount\":7,\"card\":\"****\"}").noneMatch(text -> text.contains("card-"));
        // The value column reaches past the window's edge: the click lands in the middle of the part in view.
        robot.clickOn(whereShown(robot, "{\"amount\":7,\"card\":\"****\"}"));
        waitUntil(() -> robot.lookup("#record-hex").queryAs(TextArea.class).getText().startsWith("Hidden: masking rules apply"));
        assertThat(robot.lookup("#record-value").queryAs(TextArea.class).getText()).contains("\"card\" : \"****\"").doesNotContain("card-");
        assertThat(robot.lookup("#record-key").queryAs(TextArea.class).getText()).startsWith("hash:").doesNotContain("card-");
        robot.clickOn("#record-tab-headers");
        assertThat(cellTexts(robot)).contains("ce_type", "payment").noneMatch(text -> text.contains("card-"));
    }

    private void openMessages(FxRobot robot, EmbeddedKafka broker) {
        robot.clickOn("#profile-name").write("Messages test");
        robot.clickOn("#bootstrap-servers").write(broker.bootstrapServers());
        robot.clickOn("#connect");
        waitUntil(() -> text(robot, "#status-state").equals("● Connected"));
        robot.clickOn("#nav-topics");
        robot.interact(() -> robot.lookup("#topic-filter").queryAs(TextField.class).setText(topic));
        waitUntil(() -> robot.lookup("#topics").queryAs(TableView.class).getItems().size() == 1);
        robot.clickOn(robot.lookup("#topics").lookup((TableCell<?, ?> cell) -> topic.equals(cell.getText())).queryAs(TableCell.class));
        waitUntil(() -> text(robot, "#topic-detail-name").equals(topic));
        robot.interact(() -> workbench.showTopicTab("Messages"));
    }

    /** {@code count} payments, amounts 0..count-1 over 3 partitions with a text and a binary header, then one broken value. */
    private void writePayments(EmbeddedKafka broker, int count) throws Exception {
        Map<String, Object> client = Map.of("bootstrap.servers", broker.bootstrapServers());
        try (Admin admin = Admin.create(client)) {
            ReadyTopics.create(admin, List.of(new NewTopic(topic, 3, (short) 1)));
        }
        long first = System.currentTimeMillis() - 600_000;
        try (var producer = new KafkaProducer<>(client, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, i % 3, first + i, "card-" + i,
                        "{\"amount\":" + i + ",\"card\":\"card-" + i + "\"}");
                record.headers().add("ce_type", "payment".getBytes(StandardCharsets.UTF_8)).add("trace", new byte[] {0, (byte) 0xff});
                producer.send(record);
            }
            producer.send(new ProducerRecord<>(topic, 0, first + count, "broken", "{\"amount\": 1")).get();
        }
    }

    /** Until the search or tail is over and its rows are in the table. */
    private void waitForScan(FxRobot robot, int rows) {
        waitUntil(() -> !workbench.messages().runningProperty().get() && rows(robot) == rows);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static int rows(FxRobot robot) {
        return robot.lookup("#message-table").queryAs(MessageTable.class).rows().size();
    }

    /** The texts of the table cells on screen: the message table's drawn cells and those of any other table showing. */
    static List<String> cellTexts(FxRobot robot) {
        List<String> texts = new java.util.ArrayList<>(robot.lookup("#message-table").queryAs(MessageTable.class).textsShown());
        robot.lookup((TableCell<?, ?> cell) -> cell.getText() != null).queryAllAs(TableCell.class).forEach(cell -> texts.add(cell.getText()));
        return texts;
    }

    /** Where on the screen the message table shows a cell with {@code text}; fails when no such cell is in view. */
    static javafx.geometry.Point2D whereShown(FxRobot robot, String text) {
        MessageTable table = robot.lookup("#message-table").queryAs(MessageTable.class);
        List<java.util.Optional<javafx.geometry.Point2D>> found = new java.util.ArrayList<>();
        robot.interact(() -> found.add(table.whereShown(text)));
        return found.get(0).orElseThrow(() -> new AssertionError("no cell shows " + text + "; on screen: " + table.textsShown()));
    }

    static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Not seen within 20 s", e);
        }
    }
}
