package io.feedlens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.testing.KafkaBroker;
import io.feedlens.testing.ReadyTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code feedlens governance} and {@code feedlens masking} end to end, with their exit codes and messages. */
@KafkaBroker
class GovernanceCommandsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final String topic = "gov-cli-" + UUID.randomUUID().toString().substring(0, 8);

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

    private static String[] with(String bootstrap, String... args) {
        return Stream.concat(Stream.of(args), Stream.of("--bootstrap", bootstrap)).toArray(String[]::new);
    }

    @Test
    void setShowExportAndImportAGovernanceFile(EmbeddedKafka broker) throws Exception {
        String bootstrap = broker.bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            ReadyTopics.create(admin, List.of(new NewTopic(topic, 1, (short) 1)));
        }
        assertThat(run(new GovernanceCommand(), with(bootstrap, "set", topic, "--owner", "payments-team", "--classification", "analytics-only",
                "--required-retention", "P7D"))).as(err.toString()).isZero();
        assertThat(out.toString().trim()).isEqualTo(topic + "  owner: payments-team  classification: analytics only  required retention: 7 d");
        assertThat(run(new GovernanceCommand(), with(bootstrap, "set", topic, "--notes", "feeds the nightly model"))).isZero();
        assertThat(run(new MaskingCommand(), with(bootstrap, "add", "--topics", topic, "--path", "$.card", "--action", "hash"))).as(err.toString()).isZero();

        Path shared = folder.resolve("team.json");
        assertThat(run(new GovernanceCommand(), with(bootstrap, "export", shared.toString()))).isZero();
        assertThat(Files.readString(shared)).contains("payments-team", "\"notes\" : \"feeds the nightly model\"", "\"path\" : \"$.card\"");
        // Other tests keep rules on this shared cluster too: remove ours by the number the list gives it.
        assertThat(run(new MaskingCommand(), with(bootstrap, "list"))).isZero();
        String number = out.toString().lines().filter(l -> l.contains(topic)).findFirst().orElseThrow().split(" ")[0];
        assertThat(run(new MaskingCommand(), with(bootstrap, "remove", number))).isZero();
        assertThat(run(new MaskingCommand(), with(bootstrap, "list"))).isZero();
        assertThat(out.toString()).doesNotContain(topic);

        assertThat(run(new GovernanceCommand(), with(bootstrap, "import", shared.toString()))).isZero();
        assertThat(run(new MaskingCommand(), with(bootstrap, "list"))).isZero();
        assertThat(out.toString()).contains(topic + "  value  $.card  → hash");
        assertThat(run(new GovernanceCommand(), with(bootstrap, "show", topic))).isZero();
        assertThat(out.toString()).contains("owner: payments-team", "notes: feeds the nightly model");
    }

    @Test
    void badInputIsRefusedWithTheReason(EmbeddedKafka broker) throws Exception {
        String bootstrap = broker.bootstrapServers();
        assertThat(run(new GovernanceCommand(), with(bootstrap, "set", topic, "--classification", "secret"))).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown classification 'secret'", "analytics-only");
        assertThat(run(new GovernanceCommand(), with(bootstrap, "set", topic, "--required-retention", "7 days"))).isEqualTo(2);
        assertThat(err.toString()).contains("P7D");
        assertThat(run(new MaskingCommand(), with(bootstrap, "add", "--topics", topic, "--path", "card", "--action", "mask"))).isEqualTo(2);
        assertThat(err.toString()).contains("starting at $");
        assertThat(run(new MaskingCommand(), with(bootstrap, "remove", "99999"))).isEqualTo(2);
        assertThat(err.toString()).contains("There is no masking rule 99999");
        Path foreign = Files.writeString(folder.resolve("foreign.json"), "[1, 2]");
        assertThat(run(new GovernanceCommand(), with(bootstrap, "import", foreign.toString()))).isEqualTo(2);
        assertThat(err.toString()).contains("foreign.json is not a valid governance file");
        assertThat(run(new TraceCommand(), with(bootstrap, "d-1", "--index-password-env", "FEEDLENS_TEST_UNSET_VARIABLE"))).isEqualTo(2);
        assertThat(err.toString()).contains("FEEDLENS_TEST_UNSET_VARIABLE", "not set");
    }
}
