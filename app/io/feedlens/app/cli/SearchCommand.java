package io.feedlens.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import io.feedlens.app.DataFolder;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.decode.ClusterDecoding;
import io.feedlens.app.decode.DecodedRecord;
import io.feedlens.app.decode.ValueMask;
import io.feedlens.app.export.RecordJson;
import io.feedlens.app.governance.GovernanceStore;
import io.feedlens.app.scan.ScanHandle;
import io.feedlens.app.scan.ScanRequest;
import io.feedlens.app.scan.ScanSummary;
import io.feedlens.app.scan.StartAt;
import io.feedlens.app.scan.TopicScan;
import io.feedlens.app.search.FilterProblem;
import io.feedlens.app.search.RecordFilter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code feedlens search TOPIC --bootstrap … --filter EXPR}: the matching records, then the scan's figures.
 * With {@code --json}, stdout holds only JSON Lines and the figures go to stderr.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search a topic with a CEL filter over key, value, headers, partition, offset and timestamp.")
public final class SearchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TOPIC")
    String topic;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--filter", paramLabel = "EXPR", description = "CEL, e.g. \"value.amount > 5000 && headers['ce_type'] == 'com.acme.payment.attempted'\".")
    String filter;

    @Option(names = "--contains", paramLabel = "TEXT", description = "Plain text that must occur in the key, value or a header (any case).")
    String contains;

    @ArgGroup(exclusive = true)
    Start start;

    static final class Start {
        @Option(names = "--from-offset", paramLabel = "N", description = "Start at this offset in every partition.")
        Long offset;

        @Option(names = "--from-time", paramLabel = "TIME", description = "Start at the first record at or after this time (RFC 3339).")
        Instant time;
    }

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "Stop after N matches (default: all).")
    long limit;

    @Option(names = "--partition", paramLabel = "P", split = ",", description = "Only these partitions.")
    List<Integer> partitions;

    @Option(names = "--read-committed", description = "Leave out records of aborted and open transactions.")
    boolean readCommitted;

    @Option(names = "--schemas", paramLabel = "DIR", description = "Folder of local .avsc files (default: the data folder's schemas).")
    Path localSchemas;

    @Option(names = "--json", description = "Print matches as JSON Lines.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        RecordFilter recordFilter;
        try {
            recordFilter = RecordFilter.of(filter, contains);
        } catch (FilterProblem problem) {
            err.println(problem.getMessage());
            return 2;
        }
        ClusterProfile profile = cluster.profile();
        // The cluster id names the cluster's masking rules: what is printed is masked as it would be on screen.
        return LineageIndexAccess.withSession(spec, profile, connected -> search(profile, recordFilter,
                new GovernanceStore(DataFolder.path(), connected.overview().clusterId()).masking()));
    }

    private int search(ClusterProfile profile, RecordFilter recordFilter, ValueMask masking) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScanRequest request = new ScanRequest(topic, partitions, startAt(), null, readCommitted, recordFilter, limit);
        ScanHandle scan = TopicScan.start(profile.clientConfig(),
                ClusterDecoding.decoderFor(profile, localSchemas != null ? localSchemas : ClusterDecoding.schemaFolder(DataFolder.path()), masking),
                request, batch -> print(out, batch));
        Runtime.getRuntime().addShutdownHook(new Thread(scan::cancel, "feedlens-search-cancel"));
        ScanSummary summary = scan.completion().join();
        out.flush();
        (json ? err : out).println(summary.figures().summary());
        if (summary.problem() != null) {
            err.println(summary.problem());
            return 2;
        }
        return 0;
    }

    private StartAt startAt() {
        if (start == null) {
            return StartAt.earliest();
        }
        return start.offset != null ? new StartAt.Offset(start.offset) : new StartAt.Time(start.time);
    }

    /** Scan threads call this; one lock keeps lines whole. */
    private synchronized void print(PrintWriter out, List<DecodedRecord> batch) {
        for (DecodedRecord record : batch) {
            out.println(json ? RecordJson.line(record) : textLine(record));
        }
        out.flush();
    }

    private static String textLine(DecodedRecord record) {
        return String.format("%s  %s  key=%s  %s", record.coordinates(),
                DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(record.timestamp())),
                record.key().preview(40), record.value().preview(200));
    }
}
