package io.feedlens.views;

import java.util.List;

import io.feedlens.app.cli.AclsCommand;
import io.feedlens.app.cli.BenchCommand;
import io.feedlens.app.cli.ClusterCommand;
import io.feedlens.app.cli.DemoCommand;
import io.feedlens.app.cli.GovernanceCommand;
import io.feedlens.app.cli.GroupsCommand;
import io.feedlens.app.cli.ImpactCommand;
import io.feedlens.app.cli.IndexCommand;
import io.feedlens.app.cli.LineageCommand;
import io.feedlens.app.cli.MaskingCommand;
import io.feedlens.app.cli.ProfilesCommand;
import io.feedlens.app.cli.ReportCommand;
import io.feedlens.app.cli.SchemasCommand;
import io.feedlens.app.cli.SearchCommand;
import io.feedlens.app.cli.TraceCommand;
import io.feedlens.app.cli.VerifyCommand;
import io.feedlens.views.bench.StartupBenchmark;
import io.feedlens.views.bench.TraceScreenBenchmark;
import io.feedlens.views.messages.MessagesStallBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Makes FeedLens's commands; the one it changes is {@code bench}, which also gets the desktop's benchmarks (they
 * need JavaFX, which app/ must not see). Apart from {@link Main}, so a bare desktop launch loads no picocli at all.
 */
final class CommandFactory implements CommandLine.IFactory {

    /**
     * The headless subcommands, in the order help lists them. Not in the annotation: picocli would then build the
     * model of every one (reflection over all their options) on every launch, the desktop's included; {@link #commandLine}
     * adds them only when the arguments ask for one.
     */
    static final List<Class<?>> HEADLESS = List.of(ClusterCommand.class, SearchCommand.class, SchemasCommand.class, GroupsCommand.class,
            DemoCommand.class, BenchCommand.class, IndexCommand.class, TraceCommand.class, ImpactCommand.class, LineageCommand.class,
            ReportCommand.class, VerifyCommand.class, AclsCommand.class, ProfilesCommand.class, GovernanceCommand.class, MaskingCommand.class);

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == BenchCommand.class) {
            return type.cast(new BenchCommand(bench -> List.of(new MessagesStallBenchmark(bench.records()), new TraceScreenBenchmark(bench.runs()),
                    new StartupBenchmark(bench.runs()))));
        }
        return CommandLine.defaultFactory().create(type);
    }

    /**
     * FeedLens's command line for these arguments. The headless subcommands join only when the arguments are more
     * than the desktop's own options: building their model costs ~0.15 s that the window should not wait for.
     * Help, the version, a subcommand or a word nobody knows all get the whole model, so they read as before.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine line = new CommandLine(new FeedLensCommand(), new CommandFactory());
        if (!onlyDesktopOptions(line.getCommandSpec(), args)) {
            HEADLESS.forEach(line::addSubcommand);
        }
        return line;
    }

    private static boolean onlyDesktopOptions(CommandSpec desktop, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String[] nameAndValue = args[i].split("=", 2);
            OptionSpec option = desktop.optionsMap().get(nameAndValue[0]);
            if (option == null || option.usageHelp() || option.versionHelp()) {
                return false;
            }
            if (option.arity().max() > 0 && nameAndValue.length == 1) {
                i++;
            }
        }
        return true;
    }
}
