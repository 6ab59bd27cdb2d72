package io.feedlens.views;

import java.util.concurrent.Executor;

import javafx.application.Platform;

/**
 * The executor that hands finished background work to the FX thread. ViewModels take an {@link Executor}
 * so tests can pass {@code Runnable::run} and run them without the toolkit.
 */
public final class FxThread implements Executor {

    public static final FxThread INSTANCE = new FxThread();

    private FxThread() {
    }

    @Override
    public void execute(Runnable command) {
        if (Platform.isFxApplicationThread()) {
            command.run();
        } else {
            Platform.runLater(command);
        }
    }
}
