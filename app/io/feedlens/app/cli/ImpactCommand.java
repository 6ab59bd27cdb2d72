package io.feedlens.app.cli;

import java.util.concurrent.Callable;

import io.feedlens.app.DataFolder;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.lineage.LineageIndexes;
import io.feedlens.app.lineage.TraceText;
import io.feedlens.lineage.extract.LineageProfile;
import io.feedlens.lineage.model.FeatureVersion;
import io.feedlens.lineage.trace.Impact;
import io.feedlens.lineage.trace.ImpactReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code feedlens impact --feature VIEW@VERSION | --record ID | --event ID --bootstrap … [--json]}: the decisions that used it. */
@Command(name = "impact", mixinStandardHelpOptions = true,
        description = "Which decisions used a feature view version, a feature record or an event: counts per model version, time range.")
public final class ImpactCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Subject subject;

    static final class Subject {
        @Option(names = "--feature", paramLabel = "VIEW@VERSION", description = "A feature view version, e.g. txn_velocity_5m@4.")
        String feature;

        @Option(names = "--record", paramLabel = "FEATURE_ID", description = "One feature record, by its ce_id.")
        String record;

        @Option(names = "--event", paramLabel = "EVENT_ID", description = "One event, by its ce_id.")
        String event;
    }

    @Mixin
    ClusterOptions cluster;

    @Mixin
    IndexPasswordOption indexPassword;

    /** Says where decisions keep their model id and version, for the cluster's masking rules. */
    @Mixin
    LineageProfileOptions lineage;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ClusterProfile profile = cluster.profile();
        LineageProfile lineageProfile = lineage.profileOrSay(profile, spec.commandLine().getErr());
        if (lineageProfile == null) {
            return 2;
        }
        return LineageIndexAccess.withIndex(spec, profile, indexPassword, (session, store) -> {
            Impact impact = new Impact(store);
            ImpactReport found = subject.feature != null ? impact.ofFeatureVersion(FeatureVersion.parse(subject.feature))
                    : subject.record != null ? impact.ofFeatureRecord(subject.record) : impact.ofEvent(subject.event);
            ImpactReport report = LineageIndexes.maskingFor(DataFolder.path(), session.overview().join().clusterId(), lineageProfile)
                    .apply(found);
            spec.commandLine().getOut().print(json ? TraceCommand.jsonWriter().writeValueAsString(report) + "\n" : TraceText.of(report));
            return 0;
        });
    }
}
