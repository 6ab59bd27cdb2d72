package io.feedlens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.demo.GroundTruth;
import io.feedlens.testing.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@KafkaBroker
class DemoGenerateCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new DemoCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void generateWritesTheFeedAndItsGroundTruthFile(EmbeddedKafka broker, @TempDir Path folder) throws Exception {
        Path truthFile = folder.resolve("truth.json");

        int exit = run("--generate", "25", "--seed", "7", "--bootstrap", broker.bootstrapServers(),
                "--topic-prefix", "cli-gen.", "--truth", truthFile.toString());

        assertThat(exit).as(err.toString()).isZero();
        GroundTruth truth = GroundTruth.readFrom(truthFile);
        assertThat(truth.seed()).isEqualTo(7);
        assertThat(truth.decisions()).hasSize(25);
        assertThat(truth.recordsWritten()).containsKeys("cli-gen.payments", "cli-gen.decisions.fraud");
        assertThat(out.toString()).contains("Wrote 25 decisions (seed 7").contains("Ground truth in");
    }

    @Test
    void generateWithoutABootstrapSaysWhatIsMissing() {
        int exit = run("--generate", "5");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--generate needs --bootstrap HOST:PORT");
    }
}
