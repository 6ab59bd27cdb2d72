package io.feedlens.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.feedlens.app.acls.AclEntry;
import io.feedlens.app.acls.ClusterAcls;
import io.feedlens.app.acls.TopicAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code feedlens acls [--topic T] --bootstrap …}: the cluster's ACLs, or who can read and write one topic. Read-only. */
@Command(name = "acls", mixinStandardHelpOptions = true,
        description = "Show the cluster's ACLs, or with --topic who can read and who can write that topic.")
public final class AclsCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Only who can read and write this topic.")
    String topic;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return GroupsCommand.withSession(spec, cluster.profile(), session -> {
            ClusterAcls.AclListing listing = ClusterAcls.describe(session.admin(), session.profile().bootstrapServers());
            PrintWriter out = spec.commandLine().getOut();
            if (listing.unavailable() != null) {
                out.println(listing.unavailable());
            } else if (topic != null) {
                TopicAccess access = listing.forTopic(topic);
                out.println("Topic " + topic);
                access.describe().forEach(line -> out.println("  " + line));
                out.println("  (super users may do everything and are not listed)");
            } else {
                printAll(out, listing);
            }
            return 0;
        });
    }

    private static void printAll(PrintWriter out, ClusterAcls.AclListing listing) {
        if (listing.entries().isEmpty()) {
            out.println("The cluster has an authorizer and no ACLs: only super users may do anything.");
            return;
        }
        out.printf("%-34s %-24s %-6s %-16s %s%n", "RESOURCE", "PRINCIPAL", "", "OPERATION", "HOST");
        for (AclEntry acl : listing.entries()) {
            out.printf("%-34s %-24s %-6s %-16s %s%n", acl.resource(), acl.principal(), acl.allow() ? "ALLOW" : "DENY",
                    acl.operation(), acl.host());
        }
    }
}
