package io.feedlens.app.cli;

import java.time.Instant;
import java.util.concurrent.Callable;

import io.feedlens.lineage.model.FeatureVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code feedlens lineage flag|unflag|skipped|profile}: housekeeping of a cluster's lineage index. */
@Command(name = "lineage", mixinStandardHelpOptions = true, description = "Flag feature versions as wrong; list skipped records; check, import and export lineage profiles.",
        subcommands = {LineageCommand.Flag.class, LineageCommand.Unflag.class, LineageCommand.Skipped.class, LineageProfileCommand.class})
public final class LineageCommand extends CommandGroup {

    @Command(name = "flag", mixinStandardHelpOptions = true, description = "Mark a feature view version as wrong; traces and impact show it.")
    static final class Flag implements Callable<Integer> {
        @Parameters(paramLabel = "VIEW@VERSION")
        String version;

        @Option(names = "--reason", required = true, description = "Why it is wrong, in words.")
        String reason;

        @Mixin
        ClusterOptions cluster;

        @Mixin
        IndexPasswordOption indexPassword;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return LineageIndexAccess.withIndex(spec, cluster.profile(), indexPassword, (session, store) -> {
                FeatureVersion flagged = FeatureVersion.parse(version);
                store.flag(flagged, reason, Instant.now());
                spec.commandLine().getOut().println("Flagged " + flagged + ": " + reason);
                return 0;
            });
        }
    }

    @Command(name = "unflag", mixinStandardHelpOptions = true, description = "Take back a flag.")
    static final class Unflag implements Callable<Integer> {
        @Parameters(paramLabel = "VIEW@VERSION")
        String version;

        @Mixin
        ClusterOptions cluster;

        @Mixin
        IndexPasswordOption indexPassword;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return LineageIndexAccess.withIndex(spec, cluster.profile(), indexPassword, (session, store) -> {
                store.unflag(FeatureVersion.parse(version));
                spec.commandLine().getOut().println("Unflagged " + version);
                return 0;
            });
        }
    }

    @Command(name = "skipped", mixinStandardHelpOptions = true, description = "Every record the index could not use, with the reason.")
    static final class Skipped implements Callable<Integer> {
        @Mixin
        ClusterOptions cluster;

        @Mixin
        IndexPasswordOption indexPassword;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return LineageIndexAccess.withIndex(spec, cluster.profile(), indexPassword, (session, store) -> {
                store.skipped().forEach(s -> spec.commandLine().getOut().println(s.coordinates() + "  " + s.reason()));
                return 0;
            });
        }
    }
}
