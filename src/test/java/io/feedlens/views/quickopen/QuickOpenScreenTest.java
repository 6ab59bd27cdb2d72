package io.feedlens.views.quickopen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.decode.ClusterDecoding;
import io.feedlens.app.demo.FeatureSchemas;
import io.feedlens.app.lineage.DemoFeedIndex;
import io.feedlens.app.lineage.LineageIndexes;
import io.feedlens.testing.KafkaBroker;
import io.feedlens.testing.WorkbenchWindow;
import io.feedlens.views.Workbench;
import io.feedlens.views.shell.ActiveCluster;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Ctrl+K, a few letters, arrows and Enter: a topic, a screen and an indexed decision opened without the mouse. */
@KafkaBroker
@ExtendWith(ApplicationExtension.class)
class QuickOpenScreenTest {

    @TempDir
    static Path folder;

    private static DemoFeedIndex feed;
    private Workbench workbench;
    private Path home;

    @BeforeAll
    static void generate(EmbeddedKafka broker) {
        feed = DemoFeedIndex.generate(broker, "quick-open", 30, 11L);
    }

    @Start
    void start(Stage stage) throws Exception {
        home = folder.resolve("home-" + System.nanoTime());
        FeatureSchemas.writeTo(ClusterDecoding.schemaFolder(home));
        workbench = WorkbenchWindow.openIn(stage, home);
    }

    @AfterEach
    void closeWorkbench(FxRobot robot) {
        robot.interact(workbench::close);
    }

    @Test
    void aTopicAScreenAndADecisionOpenFromTheKeyboard(FxRobot robot, EmbeddedKafka broker) throws Exception {
        Path profile = LineageIndexes.profileFile(home, broker.clusterId());
        Files.createDirectories(profile.getParent());
        feed.profile.writeTo(profile);
        robot.interact(() -> {
            workbench.clusters().nameProperty().set("Quick-open test");
            workbench.clusters().bootstrapServersProperty().set(broker.bootstrapServers());
        });
        // The keyboard starts on the navigation, as after a click into the window.
        robot.interact(() -> robot.lookup("#nav-clusters").query().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> workbench.activeCluster().stateProperty().get() == ActiveCluster.State.CONNECTED);
        waitUntil(() -> workbench.lineage().lineageProperty().get() != null);
        robot.interact(() -> workbench.lineage().startIndexing());
        waitUntil(() -> workbench.lineage().progressProperty().get() != null && workbench.lineage().progressProperty().get().caughtUp());

        String topic = feed.topics.decisions();
        quickOpen(robot, topic.substring(0, topic.length() - 2));
        waitUntil(() -> firstResult(robot).equals("Topic " + topic));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> workbench.topics().selectedProperty().get() != null
                && workbench.topics().selectedProperty().get().name().equals(topic));
        assertThat(robot.lookup("#nav-topics").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(quickOpenShowing(robot)).isFalse();

        quickOpen(robot, "lineage ind");
        waitUntil(() -> firstResult(robot).equals("Screen Lineage index"));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#nav-lineage-index").queryAs(ToggleButton.class).isSelected());

        String decision = feed.truth.decisions().get(5).id();
        quickOpen(robot, decision);
        waitUntil(() -> results(robot).getItems().stream().anyMatch(e -> e.name().equals(decision)));
        int at = results(robot).getItems().stream().map(QuickOpenViewModel.Entry::name).toList().indexOf(decision);
        for (int i = 0; i < at; i++) {
            robot.type(KeyCode.DOWN);
        }
        robot.type(KeyCode.ENTER);
        waitUntil(() -> workbench.trace().traceProperty().get() != null
                && workbench.trace().traceProperty().get().decisionId().equals(decision));
        assertThat(robot.lookup("#nav-trace").queryAs(ToggleButton.class).isSelected()).isTrue();

        quickOpen(robot, "nothing like this");
        waitUntil(() -> results(robot).getItems().isEmpty());
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !quickOpenShowing(robot));
    }

    private static void quickOpen(FxRobot robot, String typed) {
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        waitUntil(() -> quickOpenShowing(robot) && robot.lookup("#quick-open-query").queryAs(TextField.class).isFocused());
        // TestFX writes into its target window, which is the main one unless told otherwise.
        robot.targetWindow(robot.lookup("#quick-open-query").query().getScene().getWindow());
        robot.write(typed);
    }

    private static boolean quickOpenShowing(FxRobot robot) {
        return robot.lookup("#quick-open-query").tryQuery().map(Node::getScene).map(s -> s.getWindow().isShowing()).orElse(false);
    }

    private static ListView<QuickOpenViewModel.Entry> results(FxRobot robot) {
        return robot.lookup("#quick-open-results").query();
    }

    private static String firstResult(FxRobot robot) {
        var items = results(robot).getItems();
        return items.isEmpty() ? "" : items.get(0).kind() + " " + items.get(0).name();
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Not seen within 30 s", e);
        }
    }
}
