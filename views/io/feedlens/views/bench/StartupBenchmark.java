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

import io.feedlens.app.DataFolder;
import io.feedlens.app.bench.BenchResult;
import io.feedlens.app.bench.Benchmark;
import io.feedlens.views.Main;
import io.feedlens.views.StartupClock;

/**
 * "From launch to a usable window": starts {@code java -jar feedlens.jar} as a child process, as a person would (no
 * arguments; the data folder through {@code FEEDLENS_HOME}), and reads the line the app prints after the window's first
 * layout; the baseline is the smallest JavaFX window launched the same way from the same jar, in the same run, taking
 * turns with FeedLens. When the app image was built next to the jar ({@code packaging/build.sh --app-image}), its
 * launcher takes turns with them too: that is the program people install. Needs a display (xvfb-run on a server).
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
        return "JVM start to the first laid-out FeedLens window (java -jar, and the app image when built; a returning user's data "
                + "folder) vs a hello-world JavaFX window from the same jar (" + rounds + " launches each, taking turns).";
    }

    @Override
    public BenchResult run(PrintWriter out) throws Exception {
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            throw new IllegalStateException("bench startup opens windows and needs a display: run it under xvfb-run -a");
        }
        Path jar = ownJar();
        Path home = Files.createTempDirectory("feedlens-bench-startup");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> feedLens = List.of(java, "-jar", jar.toString());
        List<String> hello = List.of(java, "-cp", jar.toString(), HelloWindow.Launch.class.getName());
        Path launcher = jar.resolveSibling("packaging").resolve("FeedLens").resolve("bin").resolve("FeedLens");
        Launches app = new Launches();
        Launches baseline = new Launches();
        Launches image = new Launches();
        for (int round = 0; round < WARMUP + rounds; round++) {
            boolean counted = round >= WARMUP;
            baseline.add(launch(hello, home), counted);
            app.add(launch(feedLens, home), counted);
            if (Files.isExecutable(launcher)) {
                image.add(launch(List.of(launcher.toString()), home), counted);
            }
        }
        app.print(out, "FeedLens, java -jar");
        baseline.print(out, "hello window, java -cp");
        Launches installed = image.isEmpty() ? app : image;
        if (image.isEmpty()) {
            out.printf("no app image at %s: packaging/build.sh --app-image builds it, and this then measures it too%n", launcher);
        } else {
            image.print(out, "FeedLens app image, bin/FeedLens");
        }
        out.printf("target: usable within %d ms of launch: %s (%s, median, process launch to the line read)%n", TARGET_MILLIS,
                installed.medianWall() <= TARGET_MILLIS ? "met" : "MISSED", image.isEmpty() ? "java -jar" : "app image");
        return new BenchResult(name(), "FeedLens window median", app.medianSinceJvmStart(), "hello window median",
                baseline.medianSinceJvmStart(), "ms");
    }

    /** The launches of one command, in milliseconds. */
    private static final class Launches {
        private final List<Long> sinceJvmStart = new ArrayList<>();
        private final List<Long> wall = new ArrayList<>();

        void add(Launch launch, boolean counted) {
            if (counted) {
                sinceJvmStart.add(launch.sinceJvmStart());
                wall.add(launch.wall());
            }
        }

        boolean isEmpty() {
            return wall.isEmpty();
        }

        long medianSinceJvmStart() {
            return median(sinceJvmStart);
        }

        long medianWall() {
            return median(wall);
        }

        void print(PrintWriter out, String what) {
            out.printf("%s, JVM start to usable window: median %d ms · max %d ms (all: %s)%n", what, median(sinceJvmStart), max(sinceJvmStart),
                    sinceJvmStart);
            out.printf("  process launch to the line read: median %d ms · max %d ms (all: %s)%n", median(wall), max(wall), wall);
        }
    }

    /** One launch: milliseconds from JVM start as the child measured them, and from process start as seen from here. */
    private record Launch(long sinceJvmStart, long wall) {
    }

    /** Launches {@code command} with {@code home} as its data folder, as the environment says it (no arguments needed). */
    private static Launch launch(List<String> command, Path home) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("feedlens-bench-startup", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        builder.environment().put(DataFolder.ENVIRONMENT, home.toString());
        long started = System.nanoTime();
        Process process = builder.start();
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
