package io.feedlens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.testing.KafkaBroker;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

@KafkaBroker
class ClusterCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new ClusterCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void jsonDescribesTheClusterItConnectedTo(EmbeddedKafka broker) throws Exception {
        int exit = run("--bootstrap", broker.bootstrapServers(), "--json");

        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("clusterId").asText()).isEqualTo(broker.clusterId());
        assertThat(json.path("brokers").get(0).path("port").asInt())
                .isEqualTo(Integer.parseInt(broker.bootstrapServers().split(":")[1]));
        assertThat(json.has("topics")).isTrue();
    }

    @Test
    void textNamesTheClusterIdAndBrokers(EmbeddedKafka broker) {
        int exit = run("--bootstrap", broker.bootstrapServers());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Cluster id   " + broker.clusterId()).contains(broker.bootstrapServers());
    }

    @Test
    void aDeadClusterExitsNonZeroWithAMessageAndNoStackTrace() {
        int exit = run("--bootstrap", "127.0.0.1:1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("No broker answered at 127.0.0.1:1").doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();
    }
}
