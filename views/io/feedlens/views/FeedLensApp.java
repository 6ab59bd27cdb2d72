package io.feedlens.views;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import io.feedlens.app.DataFolder;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: one window holding the {@link Workbench}. Started by {@link FeedLensCommand}. */
public final class FeedLensApp extends Application {

    /** Not static: JavaFX initialises this class on the launching thread, which must not wait for logging's set-up. */
    private final Logger log = LoggerFactory.getLogger(FeedLensApp.class);

    /** Set by {@link FeedLensCommand} before launch, because JavaFX makes this class itself. */
    static volatile DesktopOptions options = DesktopOptions.plain();
    static volatile int exitCode;

    private Workbench workbench;

    @Override
    public void start(Stage stage) {
        workbench = Workbench.inDataFolder(DataFolder.path());
        Scene scene = new Scene(workbench.root(), 1200, 760);
        Workbench.dress(scene);
        stage.setTitle("FeedLens");
        stage.getIcons().add(io.feedlens.views.shell.MainWindow.icon());
        stage.setScene(scene);
        DesktopOptions asked = options;
        if (asked.screenshot() == null) {
            // A picture for the docs must not depend on, nor change, how someone last left their window.
            workbench.keepStateOf(stage);
        }
        if (asked.theme() != null) {
            workbench.window().themeProperty().set(asked.theme());
        }
        boolean reconnect = !asked.demo() && asked.screenshot() == null;
        StartupClock.reportFirstLayout(scene, "FeedLens", () -> {
            var built = workbench.windowShown();
            if (asked.quitWhenShown()) {
                built.thenRunAsync(Platform::exit, FxThread.INSTANCE);
            }
            // After the window shows; the last cluster waits for the answer, since its password may be one of those secrets.
            var answered = asked.screenshot() == null ? workbench.askPassphraseAtStart(stage) : CompletableFuture.completedFuture(false);
            if (reconnect) {
                answered.thenRunAsync(workbench::reconnectLastCluster, FxThread.INSTANCE);
            }
        });
        stage.show();
        log.info("Window shown; data folder {}", DataFolder.path());

        if (asked.demo() || asked.screenshot() != null) {
            var connected = asked.demo() ? workbench.clusters().startDemo() : workbench.clusters().connect();
            CompletableFuture<Void> ready = asked.trace() == null ? CompletableFuture.completedFuture(null)
                    : connected.thenComposeAsync(overview -> new FirstTrace(workbench, asked.trace()).open(), FxThread.INSTANCE);
            if (asked.screen() != null) {
                // With a trace, the screen follows it: "Impact" then shows who else used the trace's first feature version.
                (asked.trace() == null ? connected : ready).whenCompleteAsync((done, failure) -> showScreen(asked.screen()), FxThread.INSTANCE);
            }
            if (asked.screenshot() != null) {
                connected.thenCombine(ready.exceptionally(failure -> null), (overview, traced) -> overview)
                        .whenCompleteAsync((overview, failure) -> photographAndQuit(scene, asked.screenshot(), failure), FxThread.INSTANCE);
            }
        }
    }

    /** "Topics" opens a screen; "Topics/Messages" also opens that tab of the selected topic's detail (for screenshots). */
    private void showScreen(String screen) {
        String[] parts = screen.split("/", 2);
        workbench.window().show(parts[0]);
        var trace = workbench.trace().traceProperty().get();
        if (parts[0].equals("Impact") && trace != null && !trace.inputs().isEmpty() && trace.inputs().get(0).feature() != null) {
            workbench.impact().show(trace.inputs().get(0).feature());
        }
        if (parts.length == 2) {
            workbench.showTopicTab(parts[1]);
        }
    }

    /** Waits for a couple of layout passes and the status bar's first tick, then saves the picture and quits. */
    private void photographAndQuit(Scene scene, Path file, Throwable failure) {
        if (failure != null) {
            log.warn("Taking the screenshot anyway: connecting failed: {}", failure.getMessage());
            exitCode = 1;
        }
        // A topic tab first loads the topic's detail and then reads records: give it longer than a screen.
        boolean tab = options.screen() != null && options.screen().contains("/");
        PauseTransition settle = new PauseTransition(Duration.seconds(tab ? 6 : 2.5));
        settle.setOnFinished(e -> {
            try {
                Snapshot.save(scene, file);
                System.out.println("Saved " + file.toAbsolutePath());
            } catch (Exception ex) {
                log.error("Could not save the screenshot to {}", file, ex);
                exitCode = 1;
            }
            Platform.exit();
        });
        settle.play();
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.close();
        }
    }
}
