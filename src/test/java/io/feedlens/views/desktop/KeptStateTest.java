package io.feedlens.views.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.testing.KafkaBroker;
import io.feedlens.testing.WorkbenchWindow;
import io.feedlens.views.Workbench;
import io.feedlens.views.shell.ActiveCluster;
import io.feedlens.views.shell.Theme;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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

/** The window is closed and opened again on the same data folder, and finds itself as it was left. */
@KafkaBroker
@ExtendWith(ApplicationExtension.class)
class KeptStateTest {

    @TempDir
    static Path folder;

    private Stage stage;
    private Path home;
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        home = folder.resolve("home-" + System.nanoTime());
        workbench = WorkbenchWindow.openIn(stage, home);
    }

    @AfterEach
    void closeAndGoBackToLight(FxRobot robot) {
        robot.interact(() -> {
            workbench.close();
            Theme.LIGHT.apply();
        });
    }

    @Test
    void theReopenedWindowHasItsThemePlaceScreenRecentListsColumnsAndCluster(FxRobot robot, EmbeddedKafka broker) throws Exception {
        robot.clickOn("#profile-name").write("Kept test");
        robot.clickOn("#bootstrap-servers").write(broker.bootstrapServers());
        robot.clickOn("#connect");
        waitUntil(() -> workbench.activeCluster().stateProperty().get() == ActiveCluster.State.CONNECTED);
        robot.clickOn("#theme-switch");
        robot.clickOn("#nav-consumer-groups");
        robot.interact(() -> {
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1000);
            stage.setHeight(700);
            workbench.messages().recentFilters().setAll("value.amount > 500", "partition == 1");
            workbench.trace().recent().setAll("d-000042", "d-000007");
            TableView<?> groups = robot.lookup("#groups").queryAs(TableView.class);
            moveFirstColumnToTheEnd(groups);
            groups.getColumns().get(0).setPrefWidth(321);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> columnsLeft = columnNames(robot.lookup("#groups").queryAs(TableView.class));
        double firstWidthLeft = robot.lookup("#groups").queryAs(TableView.class).getVisibleLeafColumn(0).getWidth();
        assertThat(firstWidthLeft).as("the group table fits its columns to its width, so not all of 321 px stays").isGreaterThan(150);

        robot.interact(() -> {
            workbench.close();
            stage.setWidth(640);
            stage.setHeight(480);
            workbench = WorkbenchWindow.openIn(stage, home);
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stage.getWidth()).isEqualTo(1000);
        assertThat(stage.getHeight()).isEqualTo(700);
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet());
        assertThat(robot.lookup("#theme-switch").queryAs(Button.class).getText()).isEqualTo("Light theme");
        assertThat(robot.lookup("#nav-consumer-groups").queryAs(ToggleButton.class).isSelected()).isTrue();
        waitUntil(() -> columnNames(robot.lookup("#groups").queryAs(TableView.class)).equals(columnsLeft));
        TableView<?> groups = robot.lookup("#groups").query();
        waitUntil(() -> Math.abs(groups.getColumns().get(0).getWidth() - firstWidthLeft) < 1);
        robot.clickOn("#nav-trace");
        assertThat(menuTexts(robot.lookup("#trace-recent").queryAs(MenuButton.class))).containsExactly("d-000042", "d-000007");
        assertThat(workbench.messages().recentFilters()).containsExactly("value.amount > 500", "partition == 1");

        assertThat(workbench.activeCluster().stateProperty().get()).isEqualTo(ActiveCluster.State.DISCONNECTED);
        robot.interact(workbench::reconnectLastCluster);
        waitUntil(() -> workbench.activeCluster().stateProperty().get() == ActiveCluster.State.CONNECTED);
        assertThat(workbench.activeCluster().profileProperty().get().name()).isEqualTo("Kept test");
    }

    @Test
    void aCorruptStateFileIsIgnoredAndReplacedOnClose(FxRobot robot) throws Exception {
        Path corrupt = folder.resolve("corrupt-" + System.nanoTime());
        Files.createDirectories(corrupt);
        Files.writeString(corrupt.resolve(DesktopStateFile.NAME), "{\"theme\": \"DARK\", \"window\": [unfinished");
        AtomicReference<Workbench> opened = new AtomicReference<>();

        robot.interact(() -> {
            workbench.close();
            opened.set(WorkbenchWindow.openIn(stage, corrupt));
            workbench = opened.get();
        });

        assertThat(robot.lookup("#nav-clusters").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#theme-switch").queryAs(Button.class).getText()).isEqualTo("Dark theme");
        robot.interact(workbench::close);
        DesktopState saved = new ObjectMapper().readValue(corrupt.resolve(DesktopStateFile.NAME).toFile(), DesktopState.class);
        assertThat(saved.theme()).isEqualTo("LIGHT");
        assertThat(saved.screen()).isEqualTo("Clusters");
    }

    private static <S> void moveFirstColumnToTheEnd(TableView<S> table) {
        TableColumn<S, ?> first = table.getColumns().remove(0);
        table.getColumns().add(first);
    }

    private static List<String> columnNames(TableView<?> table) {
        return table.getColumns().stream().map(TableLayouts::key).toList();
    }

    private static List<String> menuTexts(MenuButton menu) {
        return menu.getItems().stream().map(MenuItem::getText).toList();
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Not seen within 20 s", e);
        }
    }
}
