package io.feedlens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.demo.GroundTruth;
import io.feedlens.app.report.ProducedFeed;
import io.feedlens.testing.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code feedlens report} and {@code feedlens verify} end to end, with their exit codes. */
@KafkaBroker
class ReportCommandsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path folder;

    private int run(Callable<Integer> command, List<String> args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args.toArray(String[]::new));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    @Test
    void reportThenVerifyFromTheCommandLine(EmbeddedKafka broker) throws Exception {
        ProducedFeed feed = ProducedFeed.generate(broker, "cli-report", 30, 8L);
        String bootstrap = broker.bootstrapServers();
        List<String> roles = List.of("--bootstrap", bootstrap, "--events", feed.topics.payments(),
                "--features", feed.topics.txnVelocity() + "," + feed.topics.amountStats(), "--decisions", feed.topics.decisions());
        assertThat(run(new IndexCommand(), roles)).as(err.toString()).isZero();

        GroundTruth.Decision decision = feed.truth.decisions().get(4);
        Path reports = folder.resolve("reports");
        assertThat(run(new ReportCommand(), concat(List.of(decision.id(), "--out", reports.toString()), roles))).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        Path html = Path.of(lines.get(0));
        Path json = Path.of(lines.get(1));
        assertThat(html).isRegularFile().hasParent(reports);
        assertThat(html.toString()).endsWith(".html").contains(decision.id());
        assertThat(json).exists();
        assertThat(lines.get(2)).contains("Decision " + decision.id()).contains("2 inputs").contains("records read again from Kafka");
        assertThat(Files.readString(html)).contains(decision.coordinates());

        assertThat(run(new VerifyCommand(), List.of(json.toString(), "--bootstrap", bootstrap))).as(out + "" + err).isZero();
        assertThat(out.toString()).contains("✓ same").contains("✓ The report matches the cluster.").doesNotContain("✗");

        ObjectNode report = (ObjectNode) new ObjectMapper().readTree(json.toFile());
        ObjectNode first = (ObjectNode) report.path("records").get(0);
        ((ObjectNode) first.path("sha256")).put("headers", "0".repeat(64));
        Path tampered = folder.resolve("tampered.json");
        new ObjectMapper().writeValue(tampered.toFile(), report);
        assertThat(run(new VerifyCommand(), List.of(tampered.toString(), "--bootstrap", bootstrap))).isEqualTo(1);
        assertThat(out.toString()).contains("✗ changed").contains(first.path("coordinates").asText() + ": Differs from the report in its headers.")
                .contains("✗ The report does NOT match the cluster.");
    }

    @Test
    void unknownDecisionExitsOneAndNotAReportExitsTwo(EmbeddedKafka broker) throws Exception {
        assertThat(run(new ReportCommand(), List.of("d-unknown", "--bootstrap", broker.bootstrapServers(), "--out", folder.toString()))).isEqualTo(1);
        assertThat(err.toString()).contains("No decision d-unknown");

        Path notReport = Files.writeString(folder.resolve("other.json"), "{\"hello\": 1}", StandardCharsets.UTF_8);
        assertThat(run(new VerifyCommand(), List.of(notReport.toString(), "--bootstrap", broker.bootstrapServers()))).isEqualTo(2);
        assertThat(err.toString().trim()).isEqualTo(notReport + " is not a FeedLens audit report (no \"format\": \"feedlens-audit-report\" with a \"records\" list).");
        assertThat(run(new VerifyCommand(), List.of(folder.resolve("absent.json").toString(), "--bootstrap", broker.bootstrapServers()))).isEqualTo(2);
        assertThat(err.toString()).contains("No such file");
    }

    @Test
    void unreachableClusterExitsTwoWithOneLine() {
        assertThat(run(new ReportCommand(), List.of("d-1", "--bootstrap", "127.0.0.1:1", "--out", folder.toString()))).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString().contains("127.0.0.1:1");
    }
}
