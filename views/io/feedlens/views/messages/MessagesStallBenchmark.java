package io.feedlens.views.messages;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.bench.BenchResult;
import io.feedlens.app.bench.Benchmark;
import io.feedlens.app.bench.BrokerStartBenchmark;
import io.feedlens.app.bench.PaymentsTopic;
import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.decode.DecoderSettings;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.views.FxStallProbe;
import io.feedlens.views.FxThread;
import io.feedlens.views.Workbench;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The FX thread's worst stalls while the real Messages tab (view, view model, timers) runs a search that matches every
 * record of an N-record topic, against the same probe with the window idle in the same run. Headless: JavaFX runs on
 * Monocle with software rendering, as the UI tests do, unless {@code -Dglass.platform} says otherwise.
 */
public final class MessagesStallBenchmark implements Benchmark {

    private static final String TOPIC = "bench.messages";
    private static final long IDLE_MILLIS = 5_000;
    /** The live tail: 5,000 records a second must not stall the FX thread either. */
    private static final int TAIL_PER_SECOND = 5_000;
    private static final Duration TAIL_LENGTH = Duration.ofSeconds(10);

    private final int records;

    public MessagesStallBenchmark(int records) {
        this.records = records;
    }

    @Override
    public String name() {
        return "fx-stall";
    }

    @Override
    public String description() {
        return "FX thread stalls while the Messages tab searches " + records + " payments matching all, vs the idle window.";
    }

    @Override
    public BenchResult run(PrintWriter out) throws Exception {
        if (!onDesktopCollector()) {
            out.println("Note: the desktop runs on ZGC and this JVM does not, so the gaps below include its stop-the-world"
                    + " collections. README gives the command that measures the desktop's flags (decision 0024).");
        }
        startHeadlessToolkit();
        Path folder = Files.createTempDirectory("feedlens-bench-fx");
        Stage[] stage = new Stage[1];
        try (EmbeddedKafka broker = EmbeddedKafka.start(folder)) {
            PaymentsTopic.write(broker, TOPIC, records);
            MessageSource source = new MessageSource(Map.of("bootstrap.servers", broker.bootstrapServers()),
                    new RecordDecoder(DecoderSettings.automatic()));
            FxStallProbe probe = new FxStallProbe();
            MessagesViewModel model = onFx(() -> {
                MessagesViewModel shown = new MessagesViewModel(() -> source, FxThread.INSTANCE);
                shown.topicProperty().set(TOPIC);
                stage[0] = show(shown);
                return shown;
            });
            // As in the window: the tab opens with the newest 100, which makes the table's cells, before any search.
            Stalls opening = run(probe, model, FxRun::showFirstTime);
            out.printf("tab opening (newest 100): %s%n", opening);
            Stalls idle = idle(probe);
            out.printf("idle window, %.0f s:         %s%n", IDLE_MILLIS / 1e3, idle);
            out.flush();
            onFx(() -> {
                model.modeProperty().set(BrowseMode.FROM_OFFSET);
                return null;
            });
            Stalls first = search(probe, model, out);
            Stalls second = search(probe, model, out);
            Stalls worse = first.worst() >= second.worst() ? first : second;
            tail(probe, model, broker, out);
            return new BenchResult(name(), "worst FX stall while searching", worse.worst(), "worst FX stall idle", idle.worst(), "ms");
        } finally {
            if (stage[0] != null) {
                onFx(() -> {
                    stage[0].close();
                    return null;
                });
            }
            BrokerStartBenchmark.deleteQuietly(folder);
        }
    }

    /**
     * The pulse gaps of one stretch of time — the largest, the 99th percentile, how many — and what else went on in it
     * (see {@link StretchClock}): on a shared machine a gap also holds the time other processes had the cores.
     */
    private record Stalls(double worst, double worstBusy, double p99, int pulses, StretchClock.Spent spent) {

        @Override
        public String toString() {
            return String.format("worst gap %6.1f ms (FX thread at work %4.1f ms of it), p99 %5.1f ms over %,d pulses;"
                            + " FX thread busy %3.0f ms/s, renderer %3.0f ms/s; GC paused %,d ms in %d pauses (longest %d ms)",
                    worst, worstBusy, p99, pulses, spent.fxMillisPerSecond(), spent.rendererMillisPerSecond(), spent.pauseMillis(),
                    spent.pauses(), spent.longestPauseMillis());
        }
    }

    /** Work started on the FX thread whose end the benchmark waits for. */
    private interface FxRun {
        void begin(MessagesViewModel model);

        static void showFirstTime(MessagesViewModel model) {
            model.showFirstTime();
        }
    }

    private static Stalls idle(FxStallProbe probe) throws Exception {
        StretchClock clock = begin(probe);
        Thread.sleep(IDLE_MILLIS);
        return stop(probe, clock);
    }

    /** "From offset 0" with no filter: every record matches, the table keeps its 10,000, the scan counts on. */
    private Stalls search(FxStallProbe probe, MessagesViewModel model, PrintWriter out) throws Exception {
        long began = System.nanoTime();
        Stalls stalls = run(probe, model, MessagesViewModel::start);
        double seconds = (System.nanoTime() - began) / 1e9;
        String figures = onFx(() -> model.figuresProperty().get() + " · " + model.shownTextProperty().get());
        out.printf("search matching all:      %s; %,.0f records/s (%s)%n", stalls, records / seconds, figures);
        out.flush();
        return stalls;
    }

    /** A live tail on the topic while a producer writes {@link #TAIL_PER_SECOND} payments a second to it. */
    private static Stalls tail(FxStallProbe probe, MessagesViewModel model, EmbeddedKafka broker, PrintWriter out) throws Exception {
        onFx(() -> {
            model.modeProperty().set(BrowseMode.LIVE_TAIL);
            return model.start();
        });
        // The tail's consumer joins at the end of each partition before the feed starts.
        Thread.sleep(1_000);
        StretchClock clock = begin(probe);
        long written = PaymentsTopic.writeSteadily(broker, TOPIC, TAIL_PER_SECOND, TAIL_LENGTH);
        Stalls stalls = stop(probe, clock);
        String figures = onFx(() -> {
            String shown = model.figuresProperty().get() + " · " + model.shownTextProperty().get();
            model.stop();
            return shown;
        });
        out.printf("live tail, %,d records/s: %s; %,d written (%s)%n", TAIL_PER_SECOND, stalls, written, figures);
        out.flush();
        return stalls;
    }

    private static Stalls run(FxStallProbe probe, MessagesViewModel model, FxRun work) throws Exception {
        StretchClock clock = begin(probe);
        onFx(() -> {
            work.begin(model);
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (onFx(() -> model.runningProperty().get())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The search did not end within 10 minutes: " + onFx(() -> model.figuresProperty().get()));
            }
            Thread.sleep(50);
        }
        return stop(probe, clock);
    }

    private static StretchClock begin(FxStallProbe probe) throws Exception {
        return onFx(() -> {
            probe.start();
            return new StretchClock();
        });
    }

    private static Stalls stop(FxStallProbe probe, StretchClock since) throws Exception {
        return onFx(() -> {
            probe.stop();
            return new Stalls(probe.worstGapMillis(), probe.worstGapBusyMillis(), probe.gapPercentileMillis(99), probe.pulses(), since.spent());
        });
    }

    private static Stage show(MessagesViewModel model) {
        Stage stage = new Stage();
        Scene scene = new Scene(new MessagesView(model), 1280, 800);
        Workbench.dress(scene);
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private static boolean onDesktopCollector() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().anyMatch(collector -> collector.getName().startsWith("ZGC"));
    }

    /** Monocle's headless glass and software prism, unless a platform was chosen; then the toolkit, once. */
    private static void startHeadlessToolkit() throws InterruptedException {
        if (System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
        }
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        Platform.setImplicitExit(false);
        started.join();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
