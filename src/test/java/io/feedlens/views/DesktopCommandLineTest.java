package io.feedlens.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The desktop's launch builds no headless subcommand; everything else reads as it always did. */
class DesktopCommandLineTest {

    @Test
    void desktopOptionsAloneBuildNoSubcommands() {
        assertThat(CommandFactory.commandLine(new String[] {"--demo"}).getSubcommands()).isEmpty();
        assertThat(CommandFactory.commandLine(new String[] {"--data-dir", "/tmp/x", "--theme=dark", "--screen", "Topics"}).getSubcommands()).isEmpty();
    }

    @Test
    void aSubcommandHelpOrAnUnknownWordGetsEveryCommand() {
        for (String[] args : new String[][] {{"index", "--help"}, {"--data-dir", "/tmp/x", "cluster"}, {"--help"}, {"-V"}, {"serch"}}) {
            assertThat(CommandFactory.commandLine(args).getSubcommands()).as(String.join(" ", args))
                    .hasSize(CommandFactory.HEADLESS.size()).containsKeys("index", "cluster", "bench", "masking");
        }
    }

    @Test
    void helpStillListsTheCommandsAndATypoStillGetsASuggestion() {
        StringWriter help = new StringWriter();
        CommandLine line = CommandFactory.commandLine(new String[] {"--help"});
        line.setOut(new PrintWriter(help));
        assertThat(line.execute("--help")).isZero();
        assertThat(help.toString()).contains("Commands:", "search", "governance");

        StringWriter errors = new StringWriter();
        CommandLine typo = CommandFactory.commandLine(new String[] {"serch"});
        typo.setErr(new PrintWriter(errors));
        assertThat(typo.execute("serch")).isEqualTo(2);
        assertThat(errors.toString()).contains("Did you mean", "search");
    }

    @Test
    void theDataFolderOptionReachesTheSubcommands() {
        CommandLine line = CommandFactory.commandLine(new String[] {"profiles", "list", "--data-dir", "/tmp/x"});
        assertThat(line.getSubcommands().get("profiles").getCommandSpec().findOption("--data-dir")).isNotNull();
    }
}
