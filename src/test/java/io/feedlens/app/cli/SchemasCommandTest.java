package io.feedlens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.demo.DemoTopics;
import io.feedlens.app.demo.FeatureSchemas;
import io.feedlens.app.demo.FeedSpec;
import io.feedlens.app.demo.GeneratedFeed;
import io.feedlens.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code feedlens schemas} on the demo feed, whose amount_stats view changes schema midstream. */
@KafkaBroker
class SchemasCommandTest {

    private static final DemoTopics TOPICS = new DemoTopics("schemas-cmd.");

    @TempDir
    static Path schemaFolder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void writeTheDemoFeed(EmbeddedKafka broker) {
        try (Admin admin = Admin.create(java.util.Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            TOPICS.ensureExist(admin);
        }
        try (var producer = GeneratedFeed.openProducer(broker.bootstrapServers())) {
            GeneratedFeed.generate(FeedSpec.endingBefore(Instant.now(), 40, 5, TOPICS), producer);
        }
        FeatureSchemas.writeTo(schemaFolder);
    }

    private int run(String... args) {
        CommandLine command = new CommandLine(new SchemasCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void theMidstreamSchemaChangeShowsAsABackwardCompatibleAddedField(EmbeddedKafka broker) throws Exception {
        int exit = run(TOPICS.amountStats(), "--bootstrap", broker.bootstrapServers(), "--schemas", schemaFolder.toString(), "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.path("schemas")).hasSize(2);
        assertThat(report.path("schemas").get(0).path("schema").asText()).startsWith("fingerprint " + FeatureSchemas.fingerprint(FeatureSchemas.AMOUNT_STATS_V1));
        assertThat(report.path("schemas").get(1).path("schema").asText()).startsWith("fingerprint " + FeatureSchemas.fingerprint(FeatureSchemas.AMOUNT_STATS_V2));
        JsonNode change = report.path("changes").get(0);
        assertThat(change.path("backwardCompatible").booleanValue()).isTrue();
        assertThat(change.path("details").get(0).asText()).startsWith("added max_amount");
        assertThat(report.path("undecoded").asLong()).as("the record with a wrong magic byte").isEqualTo(1);
    }

    @Test
    void textReportNamesEachSchemaWithItsFirstAndLastRecord(EmbeddedKafka broker) {
        int exit = run(TOPICS.payments(), "--bootstrap", broker.bootstrapServers(), "--schemas", schemaFolder.toString());

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains(TOPICS.payments() + " — values:")
                .contains("#1  JSON")
                .contains("first  " + TOPICS.payments() + "/")
                .contains("Did not decode (1;")
                .contains("Looks like JSON but is not valid");
    }

    @Test
    void aMissingTopicIsNamed(EmbeddedKafka broker) {
        int exit = run("no.such.topic", "--bootstrap", broker.bootstrapServers());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Topic 'no.such.topic' does not exist");
    }
}
