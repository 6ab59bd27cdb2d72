package io.feedlens.app.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedlens.app.DataFolder;
import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.cli.ImpactCommand;
import io.feedlens.app.cli.IndexCommand;
import io.feedlens.app.cli.ReportCommand;
import io.feedlens.app.cli.TraceCommand;
import io.feedlens.app.demo.DemoTopics;
import io.feedlens.app.demo.FeedSpec;
import io.feedlens.app.demo.GeneratedFeed;
import io.feedlens.app.demo.GroundTruth;
import io.feedlens.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The values the lineage index took from records — entity ids, feature values, model versions — are masked in
 * {@code feedlens trace} (text and JSON), {@code feedlens impact} and the audit report, as the cluster's rules mask
 * them in record bodies: a team that hashes the card everywhere sees no card number in any of them.
 */
@KafkaBroker
class MaskedTraceFactsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static DemoTopics topics;
    private static GroundTruth truth;
    private static List<String> roles;
    private static GovernanceStore governance;
    /** Every card the feed wrote: the entity of every record. */
    private static final Set<String> cards = new TreeSet<>();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path folder;

    @BeforeAll
    static void aFeedWhoseCardsAndVelocityAreMasked(EmbeddedKafka broker) throws Exception {
        topics = new DemoTopics("t-maskfacts-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            topics.ensureExist(admin);
            topics.ensureExist(admin);
        }
        try (var producer = GeneratedFeed.openProducer(broker.bootstrapServers())) {
            truth = GeneratedFeed.generate(FeedSpec.endingBefore(Instant.now(), 40, 11L, topics), producer);
        }
        roles = List.of("--bootstrap", broker.bootstrapServers(), "--events", topics.payments(),
                "--features", topics.txnVelocity() + "," + topics.amountStats(), "--decisions", topics.decisions());
        governance = new GovernanceStore(DataFolder.path(), broker.clusterId());
        String all = topics.prefix() + "*";
        // The card is in the ce_subject header, the key, and the bodies (payments' card, features' and decisions' entity).
        governance.update(g -> g.withRule(new MaskRule(all, MaskRule.Part.HEADER, "$.ce_subject", MaskAction.HASH))
                .withRule(new MaskRule(all, MaskRule.Part.KEY, "$", MaskAction.HASH))
                .withRule(new MaskRule(all, MaskRule.Part.VALUE, "$..card", MaskAction.HASH))
                .withRule(new MaskRule(all, MaskRule.Part.VALUE, "$..entity", MaskAction.HASH))
                .withRule(new MaskRule(topics.txnVelocity(), MaskRule.Part.VALUE, "$.txn_count", MaskAction.MASK))
                .withRule(new MaskRule(topics.decisions(), MaskRule.Part.HEADER, "$.ce_modelversion", MaskAction.MASK)));
        truth.decisions().forEach(d -> cards.add(d.entity()));
        truth.features().forEach(f -> cards.add(f.entity()));
        truth.events().forEach(e -> cards.add(e.entity()));
        assertThat(cards).isNotEmpty().doesNotContain("");
        assertThat(new MaskedTraceFactsTest().run(new IndexCommand(), roles.toArray(String[]::new))).isZero();
    }

    private int run(Callable<Integer> command, String... args) {
        out.getBuffer().setLength(0);
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    private static String[] with(List<String> first) {
        return Stream.concat(first.stream(), roles.stream()).toArray(String[]::new);
    }

    private static void assertNoCardIn(String text) {
        for (String card : cards) {
            assertThat(text).as("masked card " + card).doesNotContain(card);
        }
    }

    private static GroundTruth.Decision withUsedList() {
        return truth.decisions().stream().filter(GroundTruth.Decision::hasUsedList).findFirst().orElseThrow();
    }

    @Test
    void traceTextShowsNoCardAndNoVelocityValue() {
        GroundTruth.Decision decision = withUsedList();
        assertThat(run(new TraceCommand(), with(List.of(decision.id())))).as(err.toString()).isZero();
        String text = out.toString();

        assertThat(text).startsWith("Decision " + decision.id() + " · fraud-gbm **** · hash:");
        assertNoCardIn(text);
        assertThat(text.lines().filter(line -> line.contains("txn_velocity_5m@"))).isNotEmpty()
                .allMatch(line -> line.contains("value ****"), "velocity values masked");
        assertThat(text.lines().filter(line -> line.contains("amount_stats_1h@"))).isNotEmpty()
                .allMatch(line -> line.matches(".*value \\d.*"), "amount values, which no rule names, shown");
    }

    @Test
    void traceJsonHoldsTheHashesAndNoVelocityNumber() throws Exception {
        GroundTruth.Decision decision = withUsedList();
        assertThat(run(new TraceCommand(), with(List.of(decision.id(), "--json")))).as(err.toString()).isZero();
        String text = out.toString();
        JsonNode trace = JSON.readTree(text);

        assertNoCardIn(text);
        assertThat(trace.path("entity").asText()).startsWith("hash:");
        assertThat(trace.path("modelVersion").asText()).isEqualTo("****");
        int velocities = 0;
        for (JsonNode input : trace.path("inputs")) {
            assertThat(input.path("entity").asText()).isEqualTo(trace.path("entity").asText());
            if (input.path("feature").path("view").asText().equals("txn_velocity_5m")) {
                velocities++;
                assertThat(input.path("value").isNull()).isTrue();
                assertThat(input.path("masked").path("value").asText()).isEqualTo("****");
            } else {
                assertThat(input.path("value").isNumber()).isTrue();
            }
        }
        assertThat(velocities).isPositive();
    }

    @Test
    void impactShowsMaskedModelVersions() throws Exception {
        assertThat(run(new ImpactCommand(), with(List.of("--feature", "txn_velocity_5m@4", "--json")))).as(err.toString()).isZero();
        JsonNode impact = JSON.readTree(out.toString());
        assertThat(impact.path("decisions").asLong()).isPositive();
        impact.path("byModelVersion").forEach(use -> assertThat(use.path("modelVersion").asText()).isEqualTo("****"));
    }

    @Test
    void theAuditReportShowsNoCardAndNoVelocityValue() throws Exception {
        GroundTruth.Decision decision = withUsedList();
        assertThat(run(new ReportCommand(), with(List.of(decision.id(), "--out", folder.toString())))).as(err.toString()).isZero();
        Path html;
        Path json;
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> written = files.sorted().toList();
            html = written.stream().filter(f -> f.toString().endsWith(".html")).findFirst().orElseThrow();
            json = written.stream().filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        String page = Files.readString(html);
        String data = Files.readString(json);

        assertNoCardIn(page);
        assertNoCardIn(data);
        JsonNode report = JSON.readTree(data);
        assertThat(report.path("decision").path("entity").asText()).startsWith("hash:");
        boolean velocityShown = false;
        for (JsonNode input : report.path("inputs")) {
            if (input.path("featureView").asText().equals("txn_velocity_5m")) {
                velocityShown = true;
                assertThat(input.path("value").isNull()).isTrue();
                assertThat(input.path("masked").path("value").asText()).isEqualTo("****");
            }
        }
        assertThat(velocityShown).isTrue();
        assertThat(page).contains("<code>****</code>");
    }
}
