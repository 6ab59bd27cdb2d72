package io.feedlens.views.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.profiles.ProfileStore;
import io.feedlens.testing.KafkaBroker;
import io.feedlens.testing.WorkbenchWindow;
import io.feedlens.views.Workbench;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Clusters screen in a real (headless) window, driven the way a person would: typing and clicking. */
@KafkaBroker
@ExtendWith(ApplicationExtension.class)
class ClustersScreenTest {

    @TempDir
    static Path dataFolder;

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
    void navigationOffersEveryScreenWithClustersFirst(FxRobot robot) {
        ToggleButton clusters = robot.lookup("#nav-clusters").queryAs(ToggleButton.class);

        assertThat(clusters.isSelected()).isTrue();
        assertThat(robot.lookup(".nav-button").queryAllAs(ToggleButton.class)).extracting(ToggleButton::getText)
                .containsExactly("Clusters", "Topics", "Consumer groups", "Trace", "Impact", "Lineage index");
        assertThat(robot.lookup(".nav-button").queryAllAs(ToggleButton.class)).noneMatch(ToggleButton::isDisabled);
        assertThat(robot.lookup(".nav-button").queryAllAs(ToggleButton.class))
                .allMatch(button -> button.getGraphic() instanceof org.kordamp.ikonli.javafx.FontIcon);
        assertThat(robot.lookup("#status-state").queryAs(Label.class).getText()).isEqualTo("● Not connected");
    }

    @Test
    void connectingToTheBrokerShowsItsOverview(FxRobot robot, EmbeddedKafka broker) {
        robot.clickOn("#profile-name").write("Local test");
        robot.clickOn("#bootstrap-servers").write(broker.bootstrapServers());
        robot.clickOn("#connect");

        waitUntil(robot, Duration.ofSeconds(15), () -> text(robot, "#overview-cluster-id").equals(broker.clusterId()));
        assertThat(text(robot, "#overview-controller")).isEqualTo("broker 1 at " + broker.bootstrapServers());
        assertThat(robot.lookup("#brokers").queryAs(TableView.class).getItems()).hasSize(1);
        assertThat(text(robot, "#status-state")).isEqualTo("● Connected");
        assertThat(text(robot, "#status-message")).contains("Local test");
        ListView<?> profiles = robot.lookup("#profiles").queryAs(ListView.class);
        assertThat(profiles.getItems()).hasSize(1);
    }

    @Test
    void aWrongAddressShowsAClearErrorWithinTenSecondsAndTheWindowStaysResponsive(FxRobot robot) {
        robot.clickOn("#profile-name").write("Nowhere");
        robot.clickOn("#bootstrap-servers").write("127.0.0.1:1");
        robot.clickOn("#connect");
        long began = System.nanoTime();

        // While the connection waits, the form still takes typing: the FX thread is free.
        robot.clickOn("#profile-name").write(" 2");
        assertThat(robot.lookup("#profile-name").queryAs(TextField.class).getText()).isEqualTo("Nowhere 2");
        assertThat(text(robot, "#status-state")).isEqualTo("● Connecting");

        waitUntil(robot, Duration.ofSeconds(10), () -> text(robot, "#status-state").equals("● Connection failed"));
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));
        assertThat(text(robot, "#connection-state")).contains("No broker answered at 127.0.0.1:1");
        assertThat(robot.lookup("#connect").queryAs(Button.class).isDisabled()).isFalse();

        // The short message comes first; the causes only when asked for.
        assertThat(robot.lookup("#status-details-text").tryQuery()).isEmpty();
        robot.clickOn("#status-details");
        waitUntil(robot, Duration.ofSeconds(5), () -> robot.lookup("#status-details-text").tryQuery().isPresent());
        assertThat(robot.lookup("#status-details-text").queryAs(javafx.scene.control.TextArea.class).getText())
                .startsWith("Connecting to 127.0.0.1:1 as \"Nowhere\" failed.").doesNotContain("CompletionException").contains("Exception: ").contains("feedlens.log");
        robot.interact(() -> robot.lookup("#status-details-text").query().getScene().getWindow().hide());
    }

    @Test
    void savedProfilesAreBackAfterARestart(FxRobot robot) {
        robot.clickOn("#profile-name").write("Kept");
        robot.clickOn("#bootstrap-servers").write("kafka-1:9092");
        robot.clickOn("#client-properties").write("security.protocol=SASL_SSL");
        robot.clickOn("#save-profile");
        WaitForAsyncUtils.waitForFxEvents();

        Path folder = dataFolderOf(workbench);
        assertThat(new ProfileStore(folder).find("Kept")).hasValueSatisfying(profile ->
                assertThat(profile.properties()).containsEntry("security.protocol", "SASL_SSL"));
    }

    @Test
    void removingAProfileTakesItOffTheList(FxRobot robot) {
        robot.clickOn("#profile-name").write("Short-lived");
        robot.clickOn("#bootstrap-servers").write("h:1");
        robot.clickOn("#save-profile");
        robot.clickOn("Short-lived");
        robot.clickOn("#remove-profile");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#profiles").queryAs(ListView.class).getItems()).isEmpty();
        assertThat(robot.lookup("#profile-name").queryAs(TextField.class).getText()).isEmpty();
    }

    @Test
    void clientPropertiesThatAreNotNameValueGetAMessage(FxRobot robot) {
        robot.clickOn("#profile-name").write("Odd");
        robot.clickOn("#bootstrap-servers").write("h:1");
        robot.clickOn("#client-properties").write("bootstrap.servers=elsewhere:9092");
        robot.clickOn("#save-profile");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#clusters-problem")).contains("bootstrap servers in their own field");
        assertThat(robot.lookup("#profiles").queryAs(ListView.class).getItems()).isEmpty();
    }

    private static Path dataFolderOf(Workbench workbench) {
        return workbench.clusters().dataFolder();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /** Waits for the condition, then for the FX thread to finish what it was doing when the condition came true. */
    private static void waitUntil(FxRobot robot, Duration timeout, java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, condition);
            WaitForAsyncUtils.waitForFxEvents();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Not seen within " + timeout + ": status is '" + text(robot, "#status-message") + "'", e);
        }
    }
}
