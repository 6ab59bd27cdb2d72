package io.feedlens.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.feedlens.app.groups.ConsumerGroupLag;
import io.feedlens.app.groups.ConsumerGroups;
import io.feedlens.app.groups.GroupsSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code feedlens groups list --bootstrap HOST:PORT}: every consumer group with its lag and status. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List every consumer group (classic and consumer protocol) with state, lag and status.")
public final class GroupsListCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return GroupsCommand.withSession(spec, cluster.profile(), session -> {
            try (ConsumerGroups groups = new ConsumerGroups(session)) {
                print(spec.commandLine().getOut(), groups.refreshNow());
                return 0;
            }
        });
    }

    private static void print(PrintWriter out, GroupsSnapshot snapshot) {
        if (snapshot.groups().isEmpty()) {
            out.println("No consumer groups on this cluster.");
            return;
        }
        out.printf("%-32s %-9s %-20s %7s %10s %9s %-6s %s%n", "GROUP", "TYPE", "STATE", "MEMBERS", "LAG", "LAG-TIME", "STATUS", "TOPICS");
        for (ConsumerGroupLag group : snapshot.groups()) {
            out.printf("%-32s %-9s %-20s %7d %10d %9s %-6s %s%n", group.groupId(), group.type(), group.state(),
                    group.members().size(), group.totalLag(), GroupsText.duration(group.lagTime()), group.status(),
                    group.problem() != null ? group.problem() : String.join(",", group.topics()));
        }
    }
}
