package io.feedlens.app.cli;

import java.util.concurrent.Callable;

import io.feedlens.app.lineage.TraceText;
import io.feedlens.lineage.model.FeatureVersion;
import io.feedlens.lineage.trace.Impact;
import io.feedlens.lineage.trace.ImpactReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code feedlens impact --feature VIEW@VERSION --bootstrap … [--json]}: the decisions that used a feature version. */
@Command(name = "impact", mixinStandardHelpOptions = true,
        description = "Which decisions used a feature view version: counts per model version and the time range.")
public final class ImpactCommand implements Callable<Integer> {

    @Option(names = "--feature", required = true, paramLabel = "VIEW@VERSION", description = "e.g. txn_velocity_5m@4")
    String feature;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return LineageIndexAccess.withIndex(spec, cluster.profile(), (session, store) -> {
            ImpactReport report = new Impact(store).ofFeatureVersion(FeatureVersion.parse(feature));
            spec.commandLine().getOut().print(json ? TraceCommand.JSON.writeValueAsString(report) + "\n" : TraceText.of(report));
            return 0;
        });
    }
}
