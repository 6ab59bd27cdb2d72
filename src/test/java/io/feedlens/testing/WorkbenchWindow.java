package io.feedlens.testing;

import java.nio.file.Path;

import io.feedlens.views.Workbench;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The real FeedLens window on a TestFX stage, dressed as the app dresses it, with a data folder of its own, keeping its
 * state there as the app does.
 */
public final class WorkbenchWindow {

    private WorkbenchWindow() {
    }

    /** A workbench in a fresh folder under {@code dataFolder}; its "Start demo cluster" says no demo runs in tests. */
    public static Workbench open(Stage stage, Path dataFolder) {
        return openIn(stage, dataFolder.resolve("home-" + System.nanoTime()));
    }

    /** A workbench whose data folder is exactly {@code home}, for tests that put files there first. */
    public static Workbench openIn(Stage stage, Path home) {
        Workbench workbench = new Workbench(home, () -> {
            throw new IllegalStateException("no demo cluster in this test");
        });
        Scene scene = new Scene(workbench.root(), 1200, 760);
        Workbench.dress(scene);
        stage.setScene(scene);
        workbench.keepStateOf(stage);
        stage.show();
        return workbench;
    }
}
