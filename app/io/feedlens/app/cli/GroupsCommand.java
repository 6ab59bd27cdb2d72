package io.feedlens.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.cluster.ClusterSession;
import io.feedlens.app.cluster.ConnectionProblem;
import io.feedlens.app.groups.GroupProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code feedlens groups list|describe|reset}: consumer groups, their lag, and offset resets for replay. */
@Command(name = "groups", mixinStandardHelpOptions = true,
        description = "Consumer groups: list them, describe one with its lag, reset its offsets for replay.",
        subcommands = {GroupsListCommand.class, GroupsDescribeCommand.class, GroupsResetCommand.class})
public final class GroupsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Say what to do with the groups: list, describe GROUP or reset GROUP.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /**
     * Connects, runs the work, and turns every failure into one line on stderr and exit code 2, so nobody sees a
     * stack trace: a group problem says itself, anything else is explained as a connection problem.
     */
    static int withSession(CommandSpec spec, ClusterProfile profile, Function<ClusterSession, Integer> work) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            ClusterSession.Connected connected = ClusterSession.connect(profile).join();
            try (ClusterSession session = connected.session()) {
                return work.apply(session);
            }
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            err.println(cause instanceof GroupProblem problem ? problem.getMessage()
                    : ConnectionProblem.explain(profile.bootstrapServers(), cause).getMessage());
            return 2;
        } finally {
            spec.commandLine().getOut().flush();
            err.flush();
        }
    }
}
