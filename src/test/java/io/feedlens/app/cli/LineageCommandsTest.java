package io.feedlens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.demo.DemoTopics;
import io.feedlens.app.demo.FeedSpec;
import io.feedlens.app.demo.GeneratedFeed;
import io.feedlens.app.demo.GroundTruth;
import io.feedlens.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

@KafkaBroker
class LineageCommandsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Callable<Integer> command, String... args) {
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void indexThenTraceImpactAndFlagFromTheCommandLine(EmbeddedKafka broker) throws Exception {
        DemoTopics topics = new DemoTopics("t-cli-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            topics.ensureExist(admin);
            topics.ensureExist(admin);
        }
        GroundTruth truth;
        try (var producer = GeneratedFeed.openProducer(broker.bootstrapServers())) {
            truth = GeneratedFeed.generate(FeedSpec.endingBefore(Instant.now(), 60, 5L, topics), producer);
        }
        String bootstrap = broker.bootstrapServers();
        List<String> roles = List.of("--bootstrap", bootstrap, "--events", topics.payments(),
                "--features", topics.txnVelocity() + "," + topics.amountStats(), "--decisions", topics.decisions());

        assertThat(run(new IndexCommand(), roles.toArray(String[]::new))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("caught up").contains("skipped " + topics.payments());

        GroundTruth.Decision decision = truth.decisions().get(3);
        out.getBuffer().setLength(0);
        assertThat(run(new TraceCommand(), concat(List.of(decision.id()), roles))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Decision " + decision.id()).contains(decision.usedFeatureIds().get(0))
                .contains("└─ event").contains(decision.coordinates());

        out.getBuffer().setLength(0);
        assertThat(run(new TraceCommand(), concat(List.of(decision.id(), "--json"), roles))).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("decisionId").asText()).isEqualTo(decision.id());
        assertThat(json.path("inputs")).hasSize(2);

        out.getBuffer().setLength(0);
        assertThat(run(new LineageCommand(), "flag", "txn_velocity_5m@4", "--bootstrap", bootstrap, "--reason", "counts 10 min")).isZero();
        assertThat(run(new ImpactCommand(), "--feature", "txn_velocity_5m@4", "--bootstrap", bootstrap)).isZero();
        assertThat(out.toString()).contains("flagged: counts 10 min").contains("fraud-gbm 7");
        assertThat(run(new LineageCommand(), "unflag", "txn_velocity_5m@4", "--bootstrap", bootstrap)).isZero();
        out.getBuffer().setLength(0);
        String event = truth.features().stream().filter(f -> f.id().equals(decision.usedFeatureIds().get(0))).findFirst()
                .orElseThrow().derivedFrom().get(0);
        assertThat(run(new ImpactCommand(), "--event", event, "--bootstrap", bootstrap, "--json")).as(err.toString()).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).path("decisions").asLong()).isPositive();

        assertThat(run(new TraceCommand(), concat(List.of("d-unknown"), roles))).isEqualTo(1);
        assertThat(err.toString()).contains("No decision d-unknown");
    }

    private static String[] concat(List<String> first, List<String> rest) {
        return java.util.stream.Stream.concat(first.stream(), rest.stream()).toArray(String[]::new);
    }
}
