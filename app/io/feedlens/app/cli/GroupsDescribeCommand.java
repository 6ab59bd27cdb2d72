package io.feedlens.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.feedlens.app.groups.ConsumerGroupLag;
import io.feedlens.app.groups.ConsumerGroups;
import io.feedlens.app.groups.GroupMember;
import io.feedlens.app.groups.PartitionLag;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code feedlens groups describe GROUP --bootstrap HOST:PORT [--json]}: one group, partition by partition. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Describe one group: members, and per partition committed offset, log end, lag in records and in time.")
public final class GroupsDescribeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "GROUP", description = "The consumer group.")
    String groupId;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return GroupsCommand.withSession(spec, cluster.profile(), session -> {
            try (ConsumerGroups groups = new ConsumerGroups(session)) {
                ConsumerGroupLag group = groups.describeNow(groupId);
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(toJson(group));
                } else {
                    print(out, group);
                }
                return 0;
            }
        });
    }

    private static String toJson(ConsumerGroupLag group) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(GroupsText.json(group));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void print(PrintWriter out, ConsumerGroupLag group) {
        out.printf("Group        %s (%s protocol, %s)%n", group.groupId(), group.type(), group.state());
        out.printf("Coordinator  %s%n", group.coordinator() == null ? "unknown" : "broker " + group.coordinator().id());
        out.printf("Status       %s, lag %d records, oldest unconsumed %s old, catch-up %s%n", group.status(),
                group.totalLag(), GroupsText.duration(group.lagTime()), GroupsText.duration(group.timeToCatchUp()));
        if (group.problem() != null) {
            out.printf("Problem      %s%n", group.problem());
        }
        out.printf("Members      %d%n", group.members().size());
        for (GroupMember member : group.members()) {
            out.printf("  %s %s %s%n", member.clientId(), member.host(), member.assignment());
        }
        out.printf("%n%-32s %9s %14s %14s %10s %9s %-6s %s%n", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET",
                "LAG", "LAG-TIME", "STATUS", "CONSUMER / NOTE");
        for (PartitionLag p : group.partitions()) {
            out.printf("%-32s %9d %14s %14s %10s %9s %-6s %s%n", p.topic(), p.partition().partition(),
                    GroupsText.value(p.committedOffset()), GroupsText.value(p.logEndOffset()), GroupsText.value(p.lag()),
                    GroupsText.duration(p.lagTime()), p.status(), p.note() != null ? p.note() : GroupsText.value(p.consumerClientId()));
        }
    }
}
