package io.feedlens.views;

import java.util.concurrent.CompletableFuture;

import io.feedlens.app.Background;
import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * {@code --trace ID}: opens the Trace screen on a decision once the index holds it — on a fresh demo cluster the
 * indexer starts with the window, so the decision may arrive a few seconds later. An id that is not indexed whole
 * is taken as a prefix and the first decision starting with it is traced ("d-" for any).
 */
final class FirstTrace {

    private static final int ATTEMPTS = 40;

    private final Workbench workbench;
    private final String wanted;
    private final CompletableFuture<Void> traced = new CompletableFuture<>();
    private int attempts;

    FirstTrace(Workbench workbench, String wanted) {
        this.workbench = workbench;
        this.wanted = wanted;
    }

    /** Completes once the trace is on screen, or exceptionally when no matching decision was indexed within ~20 s. */
    CompletableFuture<Void> open() {
        workbench.window().show("Trace");
        attempt();
        return traced;
    }

    private void attempt() {
        Background.supply(() -> workbench.trace().completions(wanted)).thenAcceptAsync(found -> {
            if (!found.isEmpty()) {
                workbench.trace().traceProperty().addListener((o, before, now) -> traced.complete(null));
                workbench.trace().trace(found.contains(wanted) ? wanted : found.get(0));
            } else if (++attempts >= ATTEMPTS) {
                traced.completeExceptionally(new IllegalStateException("No decision " + wanted + " was indexed within 20 s"));
            } else {
                PauseTransition wait = new PauseTransition(Duration.millis(500));
                wait.setOnFinished(e -> attempt());
                wait.play();
            }
        }, FxThread.INSTANCE);
    }
}
