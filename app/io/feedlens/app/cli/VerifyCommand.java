package io.feedlens.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedlens.app.report.JsonReport;
import io.feedlens.app.report.RecordCheck;
import io.feedlens.app.report.ReportVerifier;
import io.feedlens.app.report.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code feedlens verify REPORT.json --bootstrap …}: reads every record of an audit report again and compares its digests. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check an audit report against the cluster: read every record again and compare the SHA-256 of its key, "
                + "value and headers; say which records changed, left retention or cannot be read.",
                "Exit codes: 0 every record is the same, 1 something differs, 2 the file or the cluster could not be used."})
public final class VerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "REPORT.json")
    Path reportFile;

    @Mixin
    ClusterOptions cluster;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        JsonNode report;
        try {
            report = JsonReport.read(reportFile); // before connecting: a wrong file needs no cluster to say so
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
        return LineageIndexAccess.withSession(spec, cluster.profile(), connected -> {
            Verification verification = ReportVerifier.verify(connected.session(), report);
            if (verification.otherCluster()) {
                out.println("✗ The report was made on cluster " + verification.reportClusterId() + "; " + cluster.profile().bootstrapServers()
                        + " is cluster " + verification.clusterId() + ". Its records cannot be checked there.");
                return 1;
            }
            verification.checks().forEach(check -> out.println(check.line()));
            out.printf(Locale.ROOT, "%d records: %d the same, %d changed, %d left retention, %d unavailable, %d not checked.%n",
                    verification.checks().size(), verification.count(RecordCheck.Outcome.SAME), verification.count(RecordCheck.Outcome.CHANGED),
                    verification.count(RecordCheck.Outcome.LEFT_RETENTION), verification.count(RecordCheck.Outcome.UNAVAILABLE),
                    verification.count(RecordCheck.Outcome.NOT_HASHED));
            out.println(verification.differs() ? "✗ The report does NOT match the cluster." : "✓ The report matches the cluster.");
            return verification.differs() ? 1 : 0;
        });
    }
}
