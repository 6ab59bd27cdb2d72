package io.feedlens.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import io.feedlens.app.DataFolder;
import io.feedlens.app.lineage.LineageIndexes;
import io.feedlens.app.report.AuditReport;
import io.feedlens.app.report.AuditReports;
import io.feedlens.app.report.FlagWords;
import io.feedlens.app.report.ReportFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code feedlens report DECISION_ID --bootstrap … --out DIR}: a decision's audit report as an HTML and a JSON file. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a decision's audit report: a self-contained HTML file for reviewers and a JSON file, with every "
                + "input, every source record read again from Kafka with its SHA-256 digests, and the index state.",
                "Exit codes: 0 written, 1 no such decision in the index, 2 the cluster, the index or the folder could not be used."})
public final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DECISION_ID")
    String decisionId;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    IndexPasswordOption indexPassword;

    @Mixin
    LineageProfileOptions lineage;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the two files into (created if missing).")
    Path out;

    @Option(names = "--schemas", paramLabel = "DIR", description = "Folder of local .avsc files (default: the data folder's schemas).")
    Path localSchemas;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter text = spec.commandLine().getOut();
        return LineageIndexAccess.withIndex(spec, cluster.profile(), indexPassword, (session, store) -> {
            Path schemas = localSchemas != null ? localSchemas : LineageIndexes.defaultSchemaFolder(DataFolder.path());
            Optional<ReportFiles> files = AuditReports.write(session, store, lineage.profile(session.profile()),
                    // NONE here: the report applies the cluster's masking rules itself.
                    LineageIndexes.decoderFor(session.profile(), schemas, io.feedlens.app.decode.ValueMask.NONE), decisionId, out);
            if (files.isEmpty()) {
                spec.commandLine().getErr().println("No decision " + decisionId + " in this cluster's lineage index (run feedlens index first).");
                return 1;
            }
            AuditReport report = files.get().report();
            long unread = report.records().stream().filter(r -> !r.fetched()).count();
            text.println(files.get().html());
            text.println(files.get().json());
            text.printf(Locale.ROOT, "Decision %s: %d inputs, %d records read again from Kafka%s; flags: %s%n", decisionId,
                    report.inputs().size(), report.records().size() - unread, unread == 0 ? "" : ", " + unread + " could not be (listed with the reason)",
                    report.decision().flags().isEmpty() ? "none"
                            : report.decision().flags().stream().sorted().map(f -> FlagWords.of(f).word()).collect(Collectors.joining(", ")));
            return 0;
        });
    }
}
