package io.feedlens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedlens.app.DataFolder;
import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.lineage.ShopFeed;
import io.feedlens.app.profiles.ProfileStore;
import io.feedlens.lineage.extract.LineageProfile;
import io.feedlens.testing.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A mapping profile from the command line: as a file, saved with a connection profile, exported, and refused when wrong. */
@KafkaBroker
class LineageProfileCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path folder;

    private int run(Callable<Integer> command, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void indexAndTraceTakeAMappingProfileFile(EmbeddedKafka broker) throws Exception {
        ShopFeed feed = ShopFeed.write(broker, "cli-file", 8);
        String profile = feed.profileFile(folder.resolve("shop.json")).toString();

        assertThat(run(new IndexCommand(), "--bootstrap", broker.bootstrapServers(), "--profile", profile)).as(err.toString()).isZero();
        feed.lacking.forEach((coordinates, reason) -> assertThat(out.toString()).contains("skipped " + coordinates + ": " + reason));

        assertThat(run(new TraceCommand(), "d-3", "--bootstrap", broker.bootstrapServers(), "--profile", profile, "--json"))
                .as(err.toString()).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).path("inputs").findValuesAsText("featureId")).containsExactly("f-3", "g-3");
    }

    @Test
    void aBadProfileFileIsRefusedBeforeConnectingWithItsPlaceAndMistake() throws Exception {
        Path bad = Files.writeString(folder.resolve("bad.json"), "{\"topicRoles\": {\"t\": \"DECISION\"},\n"
                + "  \"facts\": {\"decision\": {\"used\": \"inputs\"}}}");

        assertThat(run(new IndexCommand(), "--bootstrap", "127.0.0.1:1", "--profile", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Lineage profile " + bad + ": line 2").contains("facts.decision.used: 'inputs' is not a JSON pointer").doesNotContain("Usage");
        assertThat(run(new LineageCommand(), "profile", "check", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("'inputs' is not a JSON pointer");
    }

    @Test
    void aProfileImportedIntoAConnectionIsUsedByClusterAndExportsUnchanged(EmbeddedKafka broker) throws Exception {
        ShopFeed feed = ShopFeed.write(broker, "cli-saved", 8);
        Path file = feed.profileFile(folder.resolve("shop.json"));
        String connection = "shop-" + UUID.randomUUID().toString().substring(0, 6);
        new ProfileStore(DataFolder.path()).save(null, ClusterProfile.of(connection, broker.bootstrapServers()));

        assertThat(run(new LineageCommand(), "profile", "import", connection, file.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("event topics: " + feed.orders())
                .contains("event.id = header:x-event-id").contains("decision.usedFields.featureId = /fid");

        assertThat(run(new IndexCommand(), "--connection", connection)).as(err.toString()).isZero();
        feed.lacking.forEach((coordinates, reason) -> assertThat(out.toString()).contains("skipped " + coordinates + ": " + reason));
        assertThat(run(new TraceCommand(), "d-2", "--connection", connection)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("basket_total@2  f-2").contains("└─ event o-2-a");

        Path exported = folder.resolve("exported.json");
        assertThat(run(new LineageCommand(), "profile", "export", connection, exported.toString())).as(err.toString()).isZero();
        assertThat(LineageProfile.readFrom(exported)).isEqualTo(LineageProfile.readFrom(file));
        assertThat(run(new LineageCommand(), "profile", "export", "no-such-connection", exported.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("No saved connection profile named 'no-such-connection'");
    }
}
