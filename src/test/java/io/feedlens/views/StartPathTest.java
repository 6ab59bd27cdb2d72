package io.feedlens.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Keeps slow work off the start path (issue 9: a usable window within 1.5 s): a bare launch, as from the menu, in a
 * JVM of its own (headless, Monocle), listing every class loaded before its window says it is shown.
 */
class StartPathTest {

    private static final Pattern LOADED = Pattern.compile("\\[class,load\\] (\\S+) source:");

    @Test
    void aBareLaunchLoadsNoCommandLineNoXmlLoggingAndNothingThatWaitsForTheWindow() throws Exception {
        List<String> beforeWindow = classesLoadedBeforeTheWindowShows();

        assertThat(beforeWindow).as("classes loaded before the window shows").contains(FeedLensApp.class.getName())
                .noneMatch(name -> name.startsWith("picocli."))
                .noneMatch(name -> name.startsWith("io.feedlens.app.cli."))
                .noneMatch(name -> name.startsWith("ch.qos.logback.core.joran.GenericXMLConfigurator"))
                .noneMatch(name -> name.startsWith("kafka.server.") || name.startsWith("org.h2.") || name.startsWith("dev.cel."));
    }

    private static List<String> classesLoadedBeforeTheWindowShows() throws Exception {
        Path home = Files.createTempDirectory("feedlens-start-path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xlog:class+load:stdout", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dprism.text=t2k", "-cp", System.getProperty("java.class.path"), Main.class.getName());
        builder.environment().put(io.feedlens.app.DataFolder.ENVIRONMENT, home.toString());
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        try {
            CompletableFuture<List<String>> loaded = CompletableFuture.supplyAsync(() -> readUntilShown(process));
            return loaded.get(120, TimeUnit.SECONDS);
        } finally {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static List<String> readUntilShown(Process process) {
        List<String> classes = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(StartupClock.SHOWN)) {
                    return classes;
                }
                Matcher matcher = LOADED.matcher(line);
                if (matcher.find()) {
                    classes.add(matcher.group(1));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException("The app ended without showing its window; it loaded " + classes.size() + " classes");
    }
}
