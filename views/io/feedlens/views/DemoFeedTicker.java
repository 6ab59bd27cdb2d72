package io.feedlens.views;

import java.util.function.Supplier;

import io.feedlens.app.demo.DemoCluster;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.StringProperty;
import javafx.util.Duration;

/**
 * Refreshes the status bar's line about the demo feed every two seconds. A timer on the FX thread that reads
 * a few counters, so the live feed never calls into the UI itself.
 */
final class DemoFeedTicker {

    private final Timeline timeline;

    DemoFeedTicker(Supplier<DemoCluster> demo, StringProperty summary) {
        timeline = new Timeline(new KeyFrame(Duration.seconds(2), e -> {
            DemoCluster running = demo.get();
            summary.set(running == null ? "" : running.feedSummary());
        }));
        timeline.setCycleCount(Timeline.INDEFINITE);
        timeline.play();
    }

    /**
     * Callable from any thread (tests close the window from theirs). JavaFX 21 does not guard its animation list,
     * and a Timeline stopped off the FX thread while a pulse walks that list crashes the pulse, so the stop is
     * handed to the FX thread.
     */
    void stop() {
        FxThread.INSTANCE.execute(timeline::stop);
    }
}
