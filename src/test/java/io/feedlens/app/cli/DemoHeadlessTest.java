package io.feedlens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code feedlens demo --headless} as a script would use it: a separate process whose first line is the
 * bootstrap address, a cluster that answers there, and a clean stop on SIGTERM.
 */
class DemoHeadlessTest {

    @Test
    void printsTheBootstrapAddressFirstServesTheDemoTopicsAndStopsCleanlyOnSigterm(@TempDir Path home) throws Exception {
        Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.feedlens.views.Main",
                "demo", "--headless", "--data-dir", home.toString())
                .redirectError(home.resolve("stderr.txt").toFile())
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
            String firstLine = out.readLine();
            assertThat(firstLine).matches("127\\.0\\.0\\.1:\\d+");

            try (Admin admin = Admin.create(Map.of("bootstrap.servers", firstLine))) {
                assertThat(admin.describeCluster().nodes().get(15, TimeUnit.SECONDS)).hasSize(1);
                assertThat(waitForTopics(admin)).contains("payments", "features.txn_velocity", "features.amount_stats", "decisions.fraud");
            }

            demo.destroy(); // SIGTERM
            assertThat(demo.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s of SIGTERM").isTrue();
            assertThat(demo.exitValue()).isIn(0, 143);
            assertThat(home.resolve("logs/feedlens.log")).exists();
            assertThat(Files.readString(home.resolve("logs/feedlens.log"))).contains("stopped");
        } finally {
            demo.destroyForcibly();
        }
    }

    private static java.util.Set<String> waitForTopics(Admin admin) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        java.util.Set<String> names = admin.listTopics().names().get();
        while (!names.containsAll(List.of("payments", "decisions.fraud")) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            names = admin.listTopics().names().get();
        }
        return names;
    }
}
