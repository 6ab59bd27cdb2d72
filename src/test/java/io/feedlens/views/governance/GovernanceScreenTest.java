package io.feedlens.views.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.governance.Classification;
import io.feedlens.app.governance.GovernanceStore;
import io.feedlens.app.governance.MaskAction;
import io.feedlens.app.governance.MaskRule;
import io.feedlens.app.governance.TopicGovernance;
import io.feedlens.testing.KafkaBroker;
import io.feedlens.testing.ReadyTopics;
import io.feedlens.testing.WorkbenchWindow;
import io.feedlens.views.Workbench;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Owners and classifications on the topic list, and the topic detail's Governance tab, on the real broker. */
@KafkaBroker
@ExtendWith(ApplicationExtension.class)
class GovernanceScreenTest {

    @TempDir
    static Path dataFolder;

    private final String topic = "governed-" + UUID.randomUUID().toString().substring(0, 8);
    private Path home;
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        home = dataFolder.resolve("home-" + System.nanoTime());
        workbench = WorkbenchWindow.openIn(stage, home);
    }

    @AfterEach
    void closeWorkbench() {
        workbench.close();
    }

    @Test
    void theListShowsTheRecordedOwnerAndTheTabEditsAndSavesIt(FxRobot robot, EmbeddedKafka broker) throws Exception {
        GovernanceStore store = prepare(broker);
        store.update(g -> g.withTopic(topic, new TopicGovernance("fraud-team", Classification.FEEDS_ONLINE_DECISIONS, null, null))
                .withRule(new MaskRule(topic, MaskRule.Part.VALUE, "$.card", MaskAction.MASK)));
        openTopic(robot, broker);

        waitUntil(() -> cellTexts(robot).contains("fraud-team"));
        assertThat(cellTexts(robot)).contains("feeds online decisions");
        robot.interact(() -> workbench.showTopicTab("Governance"));
        waitUntil(() -> "fraud-team".equals(robot.lookup("#governance-owner").queryAs(TextField.class).getText()));
        assertThat(robot.lookup("#governance-masking").queryAs(ListView.class).getItems()).containsExactly(topic + "  value  $.card  → mask");

        robot.doubleClickOn("#governance-owner").write("payments-platform");
        robot.interact(() -> robot.lookup("#governance-classification").queryAs(ComboBox.class).setValue(Classification.SENSITIVE));
        robot.clickOn("#governance-retention").write("P7D");
        robot.clickOn("#governance-save");

        waitUntil(() -> text(robot, "#governance-status").startsWith("Saved in "));
        assertThat(store.load().topic(topic)).isEqualTo(new TopicGovernance("payments-platform", Classification.SENSITIVE, Duration.ofDays(7), null));
        waitUntil(() -> cellTexts(robot).contains("payments-platform"));
        assertThat(cellTexts(robot)).contains("sensitive");
    }

    @Test
    void aRetentionThatIsNotADurationIsRefusedAndNothingIsSaved(FxRobot robot, EmbeddedKafka broker) throws Exception {
        GovernanceStore store = prepare(broker);
        openTopic(robot, broker);
        robot.interact(() -> workbench.showTopicTab("Governance"));

        robot.clickOn("#governance-retention").write("a week");
        robot.clickOn("#governance-save");

        waitUntil(() -> text(robot, "#governance-status").contains("is not a duration"));
        assertThat(text(robot, "#governance-status")).contains("P7D");
        assertThat(store.load().topics()).doesNotContainKey(topic);
    }

    private GovernanceStore prepare(EmbeddedKafka broker) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            ReadyTopics.create(admin, List.of(new NewTopic(topic, 1, (short) 1)));
            return new GovernanceStore(home, admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS));
        }
    }

    private void openTopic(FxRobot robot, EmbeddedKafka broker) {
        robot.clickOn("#profile-name").write("Governance test");
        robot.clickOn("#bootstrap-servers").write(broker.bootstrapServers());
        robot.clickOn("#connect");
        waitUntil(() -> text(robot, "#status-state").equals("● Connected"));
        robot.clickOn("#nav-topics");
        robot.interact(() -> robot.lookup("#topic-filter").queryAs(TextField.class).setText(topic));
        waitUntil(() -> robot.lookup("#topics").queryAs(TableView.class).getItems().size() == 1);
        robot.clickOn(robot.lookup("#topics").lookup((TableCell<?, ?> cell) -> topic.equals(cell.getText())).queryAs(TableCell.class));
        waitUntil(() -> text(robot, "#topic-detail-name").equals(topic));
    }

    private static List<String> cellTexts(FxRobot robot) {
        return robot.lookup("#topics").lookup((TableCell<?, ?> cell) -> cell.getText() != null).queryAllAs(TableCell.class)
                .stream().map(TableCell::getText).toList();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Not seen within 20 s", e);
        }
    }
}
