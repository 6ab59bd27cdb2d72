package io.feedlens.views;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.feedlens.views.clusters.ClustersViewModel;
import io.feedlens.views.desktop.DesktopState;
import io.feedlens.views.desktop.DesktopStateFile;
import io.feedlens.views.desktop.TableLayouts;
import io.feedlens.views.shell.ActiveCluster;
import io.feedlens.views.shell.MainWindow;
import io.feedlens.views.shell.Theme;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Puts the window back as it was left (theme, place and size, screen, recent filters and traces, table columns) and
 * saves it again when the workbench closes. The cluster it was connected to is reconnected on request, once the
 * window shows ({@link #reconnect()}); the demo cluster is started again for that.
 */
final class KeptState {

    private final Workbench workbench;
    private final DesktopStateFile file;
    private final Stage stage;
    private final DesktopState loaded;
    private final TableLayouts tables;

    private KeptState(Workbench workbench, Path dataFolder, Stage stage) {
        this.workbench = workbench;
        this.file = new DesktopStateFile(dataFolder);
        this.stage = stage;
        this.loaded = file.load();
        this.tables = new TableLayouts(loaded.tables());
    }

    /** Call on the FX thread once the stage has its scene, before it shows. */
    static KeptState restore(Workbench workbench, Path dataFolder, Stage stage) {
        KeptState kept = new KeptState(workbench, dataFolder, stage);
        kept.restore();
        return kept;
    }

    private void restore() {
        MainWindow window = workbench.window();
        if (Theme.DARK.name().equals(loaded.theme())) {
            window.themeProperty().set(Theme.DARK);
        }
        placeWindow(loaded.window());
        workbench.messages().recentFilters().setAll(loaded.recentFilters());
        workbench.trace().recent().setAll(loaded.recentTraces());
        window.centerProperty().addListener((o, before, now) -> afterLayout(now));
        if (loaded.screen() != null) {
            window.show(loaded.screen());
        }
        afterLayout(window.getCenter());
    }

    /** The window goes back where it was only while that place is still on a screen (monitors come and go). */
    private void placeWindow(DesktopState.WindowPlace place) {
        if (place == null || place.width() < 200 || place.height() < 150) {
            return;
        }
        Rectangle2D wanted = new Rectangle2D(place.x(), place.y(), place.width(), place.height());
        if (!Screen.getScreensForRectangle(wanted).isEmpty()) {
            stage.setX(place.x());
            stage.setY(place.y());
        }
        stage.setWidth(place.width());
        stage.setHeight(place.height());
        stage.setMaximized(place.maximized());
    }

    /** Tables are skinned in the layout pass: their columns are set right after it, and again when a tab changes. */
    private void afterLayout(Node shown) {
        Scene scene = stage.getScene();
        if (shown == null || scene == null) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            tables.applyWithin(shown);
            for (Node node : shown.lookupAll(".tab-pane")) {
                if (node instanceof TabPane && node.getProperties().putIfAbsent(KeptState.class, Boolean.TRUE) == null) {
                    ((TabPane) node).getSelectionModel().selectedItemProperty()
                            .addListener((o, before, now) -> afterLayout(now == null ? null : now.getContent()));
                }
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Connects again to the cluster that was connected when FeedLens last closed, if any. */
    void reconnect() {
        String name = loaded.cluster();
        ClustersViewModel clusters = workbench.clusters();
        if (name == null) {
            return;
        }
        if (name.equals(ClustersViewModel.DEMO_PROFILE)) {
            clusters.startDemo();
            return;
        }
        clusters.profiles().stream().filter(p -> p.name().equals(name)).findFirst().ifPresent(profile -> {
            clusters.selectedProperty().set(profile);
            clusters.connect();
        });
    }

    void save() {
        file.save(capture());
    }

    DesktopState capture() {
        MainWindow window = workbench.window();
        ActiveCluster cluster = workbench.activeCluster();
        boolean connected = cluster.stateProperty().get() == ActiveCluster.State.CONNECTED
                || cluster.stateProperty().get() == ActiveCluster.State.CONNECTING;
        String clusterName = connected && cluster.profileProperty().get() != null ? cluster.profileProperty().get().name() : null;
        DesktopState.WindowPlace place = stage.isMaximized() || stage.getWidth() > 0
                ? new DesktopState.WindowPlace(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized())
                : loaded.window();
        List<Node> screens = new ArrayList<>(window.builtScreens());
        return new DesktopState(window.themeProperty().get().name(), place, clusterName, window.shownScreen(),
                workbench.messages().recentFilters(), workbench.trace().recent(), tables.capture(screens));
    }
}
