package io.feedlens.views.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.bench.BenchResult;
import io.feedlens.app.bench.Benchmark;
import io.feedlens.views.Main;
import io.feedlens.views.StartupClock;

/**
 * "From launch to a usable window": starts {@code java -jar feedlens.jar} as a child process, as a person would, and
 * reads the line the app prints after the window's first layout; the baseline is the smallest JavaFX window launched
 * the same way from the same jar, in the same run, taking turns with FeedLens. Needs a display (xvfb-run on a server).
 */
public final class StartupBenchmark implements Benchmark {

    static final long TARGET_MILLIS = 1500;
    private static final int WARMUP = 1;
    private static final long PATIENCE_SECONDS = 90;

    private final int rounds;

    public StartupBenchmark(int runs) {
        this.rounds = Math.max(3, runs * 2);
    }

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public String description() {
        return "JVM start to the first laid-out FeedLens window (java -jar, a returning user's data folder) vs a hello-world "
                + "JavaFX window from the same jar (" + rounds + " launches each, taking turns).";
    }

    @Override
    public BenchResult run(PrintWriter out) throws Exception {
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            throw new IllegalStateException("bench startup opens windows and needs a display: run it under xvfb-run -a");
        }
        Path jar = ownJar();
        Path home = Files.createTempDirectory("feedlens-bench-startup");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> feedLens = List.of(java, "-jar", jar.toString(), "--data-dir", home.toString());
        List<String> hello = List.of(java, "-cp", jar.toString(), HelloWindow.Launch.class.getName());
        List<Long> app = new ArrayList<>();
        List<Long> appWall = new ArrayList<>();
        List<Long> baseline = new ArrayList<>();
        List<Long> baselineWall = new ArrayList<>();
        for (int round = 0; round < WARMUP + rounds; round++) {
            Launch base = launch(hello);
            Launch measured = launch(feedLens);
            if (round >= WARMUP) {
                baseline.add(base.sinceJvmStart());
                baselineWall.add(base.wall());
                app.add(measured.sinceJvmStart());
                appWall.add(measured.wall());
            }
        }
        out.printf("FeedLens, JVM start to usable window: median %d ms · max %d ms (all: %s)%n", median(app), max(app), app);
        out.printf("  process launch to the line read:    median %d ms%n", median(appWall));
        out.printf("hello window, JVM start to shown:     median %d ms · max %d ms (all: %s)%n", median(baseline), max(baseline), baseline);
        out.printf("  process launch to the line read:    median %d ms%n", median(baselineWall));
        out.printf("target: usable within %d ms of launch: %s (median, process launch to the line read)%n", TARGET_MILLIS,
                median(appWall) <= TARGET_MILLIS ? "met" : "MISSED");
        return new BenchResult(name(), "FeedLens window median", median(app), "hello window median", median(baseline), "ms");
    }

    /** One launch: milliseconds from JVM start as the child measured them, and from process start as seen from here. */
    private record Launch(long sinceJvmStart, long wall) {
    }

    private static Launch launch(List<String> command) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("feedlens-bench-startup", ".err");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        try {
            CompletableFuture<Long> shown = CompletableFuture.supplyAsync(() -> readShownLine(process));
            long millis = shown.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            long wall = (System.nanoTime() - started) / 1_000_000;
            if (millis < 0) {
                throw new IllegalStateException("No window was reported by " + command + "; its errors:\n" + tail(errors));
            }
            return new Launch(millis, wall);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("No window within " + PATIENCE_SECONDS + " s from " + command + "; its errors:\n" + tail(errors), e);
        } finally {
            stop(process);
            Files.deleteIfExists(errors);
        }
    }

    /** The milliseconds on the app's "window shown" line, or -1 when its output ends first. */
    private static long readShownLine(Process process) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(StartupClock.SHOWN)) {
                    String number = line.substring(StartupClock.SHOWN.length()).split(" ", 2)[0];
                    return Long.parseLong(number);
                }
            }
            return -1;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String tail(Path errors) throws IOException {
        List<String> lines = Files.readAllLines(errors);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    /** The jar this code runs from; the benchmark launches what a person launches, so it refuses a classes folder. */
    private static Path ownJar() throws URISyntaxException {
        Path location = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!location.toString().endsWith(".jar")) {
            throw new IllegalStateException("bench startup launches the packaged jar: run it as java -jar target/feedlens.jar bench startup"
                    + " (this runs from " + location + ")");
        }
        return location;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long max(List<Long> values) {
        return Collections.max(values);
    }
}
