package io.feedlens.views.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.bench.BenchResult;
import io.feedlens.app.bench.Benchmark;
import io.feedlens.app.bench.WideTraceFeed;
import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.browse.RecordBatchFetch;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.lineage.ClusterLineage;
import io.feedlens.app.lineage.LineageIndexes;
import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.trace.Trace;
import io.feedlens.views.FxThread;
import io.feedlens.views.Workbench;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * "From pressing Enter to a drawn trace", for a decision with 10 features and 50 source events on the in-process
 * broker, in the real window: the time from the trace request to the first frame laid out after the graph was built,
 * fetching the records shown included. Beside it, in the same run, the same work without a window: the trace from the
 * index plus one fetch of the records. Needs a display (run under xvfb-run on a machine without one).
 */
public final class TraceScreenBenchmark implements Benchmark {

    private static final int FEATURES = 10;
    private static final int EVENTS_PER_FEATURE = 5;
    private static final int WARMUP = 5;

    private final int rounds;

    public TraceScreenBenchmark(int runs) {
        this.rounds = Math.max(20, runs * 10);
    }

    @Override
    public String name() {
        return "trace-screen";
    }

    @Override
    public String description() {
        return "Enter to drawn trace on the Trace screen, " + FEATURES + " features × " + EVENTS_PER_FEATURE
                + " events, vs the trace from the index + record fetch alone (" + rounds + " rounds).";
    }

    @Override
    public BenchResult run(PrintWriter out) throws Exception {
        Path folder = Files.createTempDirectory("feedlens-bench-trace");
        try (EmbeddedKafka broker = EmbeddedKafka.start(folder.resolve("broker"))) {
            WideTraceFeed feed = new WideTraceFeed("bench-wide.");
            feed.write(broker.bootstrapServers(), FEATURES, EVENTS_PER_FEATURE);
            Path home = folder.resolve("home");
            Path profile = LineageIndexes.profileFile(home, broker.clusterId());
            Files.createDirectories(profile.getParent());
            feed.profile(FEATURES).writeTo(profile);
            return measure(out, broker, home);
        }
    }

    private BenchResult measure(PrintWriter out, EmbeddedKafka broker, Path home) throws Exception {
        startToolkit();
        Workbench workbench = onFx(() -> {
            Workbench made = new Workbench(home, () -> {
                throw new IllegalStateException("no demo cluster in this benchmark");
            });
            Stage stage = new Stage();
            Scene scene = new Scene(made.root(), 1280, 800);
            Workbench.dress(scene);
            stage.setScene(scene);
            stage.show();
            made.window().show("Trace");
            made.activeCluster().connect(ClusterProfile.of("bench", broker.bootstrapServers()));
            return made;
        });
        try {
            ClusterLineage lineage = awaitIndexed(workbench);
            List<Long> screen = new ArrayList<>();
            List<Long> ready = new ArrayList<>();
            for (int round = 0; round < WARMUP + rounds; round++) {
                // A person reads a trace before asking for the next: each round starts with the window at rest, not
                // while the previous frame is still being rendered (in software, under xvfb).
                Thread.sleep(400);
                long millis = drawnIn(workbench);
                if (round >= WARMUP) {
                    screen.add(millis);
                    ready.add(workbench.trace().tracedInMillis());
                }
            }
            List<Long> bare = new ArrayList<>();
            List<Long> fetchOnly = new ArrayList<>();
            List<Long> freshConsumer = new ArrayList<>();
            for (int round = 0; round < WARMUP + rounds; round++) {
                long started = System.nanoTime();
                Trace trace = lineage.trace(WideTraceFeed.DECISION_ID).orElseThrow();
                long traced = System.nanoTime();
                List<RecordCoordinates> records = recordsOf(trace);
                int fetched = lineage.fetch(records).size();
                long done = System.nanoTime();
                RecordBatchFetch.fetch(ClusterProfile.of("bench", broker.bootstrapServers()).clientConfig(), records);
                long fresh = System.nanoTime();
                if (fetched != records.size()) {
                    throw new IllegalStateException("fetched " + fetched + " of " + records.size());
                }
                if (round >= WARMUP) {
                    bare.add((done - started) / 1_000_000);
                    fetchOnly.add((done - traced) / 1_000_000);
                    freshConsumer.add((fresh - done) / 1_000_000);
                }
            }
            out.printf("records shown per trace: %d (1 decision, %d features, %d events)%n", FEATURES + FEATURES * EVENTS_PER_FEATURE + 1,
                    FEATURES, FEATURES * EVENTS_PER_FEATURE);
            out.printf("Trace screen, Enter to drawn:   p50 %d ms · p95 %d ms · max %d ms%n", pct(screen, 50), pct(screen, 95), pct(screen, 100));
            out.printf("  of which trace + fetch ready: p50 %d ms · p95 %d ms (the rest is drawing and layout)%n", pct(ready, 50), pct(ready, 95));
            out.printf("index trace + record fetch:     p50 %d ms · p95 %d ms · max %d ms%n", pct(bare, 50), pct(bare, 95), pct(bare, 100));
            out.printf("  of which the record fetch:    p50 %d ms · p95 %d ms%n", pct(fetchOnly, 50), pct(fetchOnly, 95));
            out.printf("the fetch with a new consumer:  p50 %d ms · p95 %d ms%n", pct(freshConsumer, 50), pct(freshConsumer, 95));
            out.printf("target: Enter to drawn ≤ 300 ms: %s%n", pct(screen, 95) <= 300 ? "met at p95" : "MISSED at p95");
            return new BenchResult(name(), "Enter to drawn trace p95", pct(screen, 95), "index trace + fetch p95", pct(bare, 95), "ms");
        } finally {
            onFx(() -> {
                workbench.close();
                return null;
            });
        }
    }

    private static List<RecordCoordinates> recordsOf(Trace trace) {
        List<RecordCoordinates> records = new ArrayList<>(trace.copies().subList(0, 1));
        trace.inputs().forEach(input -> {
            records.add(input.copies().get(0));
            input.events().forEach(event -> records.add(event.copies().get(0)));
        });
        return records;
    }

    /** Waits until the index holds the wide decision; the indexer starts the way a person starts it. */
    private static ClusterLineage awaitIndexed(Workbench workbench) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean started = false;
        while (System.nanoTime() < deadline) {
            ClusterLineage lineage = onFx(() -> workbench.lineage().lineageProperty().get());
            if (lineage != null) {
                if (!started) {
                    onFx(() -> {
                        workbench.lineage().startIndexing();
                        return null;
                    });
                    started = true;
                }
                if (lineage.trace(WideTraceFeed.DECISION_ID).map(t -> t.inputs().stream().allMatch(i -> i.events().size() == EVENTS_PER_FEATURE)).orElse(false)) {
                    return lineage;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The wide decision was not indexed within 60 s");
    }

    /** One trace as a person asks for it; done at the first layout pulse after the graph was built. */
    private static long drawnIn(Workbench workbench) throws Exception {
        CompletableFuture<Long> drawn = new CompletableFuture<>();
        Platform.runLater(() -> {
            long started = System.nanoTime();
            Scene scene = workbench.root().getScene();
            javafx.beans.value.ChangeListener<Trace> onTrace = new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Trace> o, Trace before, Trace now) {
                    if (now == null) {
                        return;
                    }
                    workbench.trace().traceProperty().removeListener(this);
                    Runnable[] pulse = new Runnable[1];
                    pulse[0] = () -> {
                        scene.removePostLayoutPulseListener(pulse[0]);
                        drawn.complete((System.nanoTime() - started) / 1_000_000);
                    };
                    scene.addPostLayoutPulseListener(pulse[0]);
                    Platform.requestNextPulse();
                }
            };
            workbench.trace().traceProperty().addListener(onTrace);
            workbench.trace().trace(WideTraceFeed.DECISION_ID);
        });
        return drawn.get(30, TimeUnit.SECONDS);
    }

    private static long pct(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static void startToolkit() throws InterruptedException {
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        Platform.setImplicitExit(false);
        started.join();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        FxThread.INSTANCE.execute(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
