package io.feedlens.app.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.feedlens.app.cluster.BrokerNode;
import io.feedlens.app.cluster.ClusterOverview;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.cluster.ClusterSession;
import io.feedlens.app.cluster.ConnectionProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code feedlens cluster --bootstrap HOST:PORT [--json]}: what the cluster is made of. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Describe a cluster: id, controller, brokers, topic and partition counts.")
public final class ClusterCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ClusterProfile profile = cluster.profile();
        PrintWriter out = spec.commandLine().getOut();
        try {
            ClusterSession.Connected connected = ClusterSession.connect(profile).join();
            try (ClusterSession session = connected.session()) {
                ClusterOverview overview = connected.overview();
                if (json) {
                    out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(asJson(overview)));
                } else {
                    printText(out, overview);
                }
            }
            out.flush();
            return 0;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println(ConnectionProblem.explain(profile.bootstrapServers(), e).getMessage());
            return 2;
        }
    }

    private static Map<String, Object> asJson(ClusterOverview overview) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("clusterId", overview.clusterId());
        root.put("controller", overview.controller() == null ? null : overview.controller().id());
        root.put("brokers", overview.brokers());
        root.put("topics", overview.topicCount());
        root.put("partitions", overview.partitionCount());
        root.put("internalTopics", overview.internalTopicCount());
        return root;
    }

    private static void printText(PrintWriter out, ClusterOverview overview) {
        out.printf("Cluster id   %s%n", overview.clusterId());
        out.printf("Controller   %s%n", overview.controller() == null ? "unknown" : "broker " + overview.controller().id());
        out.printf("Topics       %d (%d partitions), plus %d internal%n",
                overview.topicCount(), overview.partitionCount(), overview.internalTopicCount());
        out.printf("Brokers      %d%n", overview.brokers().size());
        for (BrokerNode broker : overview.brokers()) {
            out.printf("  %-6d %-24s %s%n", broker.id(), broker.address(), broker.rack() == null ? "" : "rack " + broker.rack());
        }
    }
}
