package io.feedlens.views.bench;

import io.feedlens.views.StartupClock;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The baseline of {@code bench startup}: the smallest JavaFX window, launched from the same jar's class path as
 * FeedLens, saying when it shows in the same words. Whatever FeedLens takes beyond this is FeedLens's own.
 */
public final class HelloWindow extends Application {

    /** {@code java -cp feedlens.jar io.feedlens.views.bench.HelloWindow$Launch}: from the class path, as FeedLens runs. */
    public static final class Launch {

        private Launch() {
        }

        public static void main(String[] args) {
            Platform.setImplicitExit(true);
            Application.launch(HelloWindow.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new Label("Hello"), 1200, 760);
        StartupClock.reportFirstLayout(scene, "hello", () -> { });
        stage.setScene(scene);
        stage.show();
    }
}
