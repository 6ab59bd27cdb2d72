package io.feedlens.app.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import io.feedlens.app.DataFolder;
import io.feedlens.app.browse.FetchedRecord;
import io.feedlens.app.browse.RecordBatchFetch;
import io.feedlens.app.cluster.ClusterSession;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.governance.ClusterGovernance;
import io.feedlens.app.governance.GovernanceStore;
import io.feedlens.app.lineage.LineageIndexes;
import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.extract.LineageProfile;
import io.feedlens.lineage.store.LineageStore;
import io.feedlens.lineage.trace.Trace;

/**
 * Makes a decision's audit report: traces it from the lineage index, reads every record the trace names again from
 * Kafka (decision, features, events), decodes and hashes them, adds the index state, and writes an HTML and a JSON
 * file. What the trace screen's "Export audit report" and {@code feedlens report} both call.
 *
 * <p>Slow (Kafka round trips, H2, file I/O): call it off the FX thread, e.g.
 * <pre>{@code
 * Background.supply(() -> AuditReports.write(session, store, profile, decisionId, folder))
 *         .thenAccept(files -> Platform.runLater(() -> show(files.orElse(null))));
 * }</pre>
 * An empty result means the index holds no decision with that id. Kafka failures while reading records do not fail
 * the report: each unreadable record is listed with the reason. A failure to reach the cluster at all, or to write
 * the files, is thrown ({@link io.feedlens.app.cluster.ConnectionProblem}, {@link UncheckedIOException}).
 */
public final class AuditReports {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private AuditReports() {
    }

    /** Writes {@code audit-<decision>-<UTC time>.html} and {@code .json} into {@code folder} (created if missing). */
    /** The report of a decision of the connected cluster whose lineage the desktop has open. */
    public static Optional<ReportFiles> write(io.feedlens.app.lineage.ClusterLineage lineage, String decisionId, Path folder) {
        return write(lineage.session(), lineage.store(), lineage.profile(), lineage.decoder(), decisionId, folder);
    }

    public static Optional<ReportFiles> write(ClusterSession session, LineageStore store, LineageProfile profile, String decisionId, Path folder) {
        RecordDecoder decoder = LineageIndexes.decoderFor(session.profile(), LineageIndexes.defaultSchemaFolder(DataFolder.path()),
                io.feedlens.app.decode.ValueMask.NONE);
        return write(session, store, profile, decoder, decisionId, folder);
    }

    /** As {@link #write(ClusterSession, LineageStore, LineageProfile, String, Path)}, decoding with the caller's decoder. */
    public static Optional<ReportFiles> write(ClusterSession session, LineageStore store, LineageProfile profile, RecordDecoder decoder,
                                         String decisionId, Path folder) {
        return make(session, store, profile, decoder, decisionId, Clock.systemUTC()).map(report -> save(report, folder));
    }

    /** The report without writing it: for a screen that shows it first, or a test. */
    public static Optional<AuditReport> make(ClusterSession session, LineageStore store, LineageProfile profile, RecordDecoder decoder,
                                             String decisionId, Clock clock) {
        String clusterId = session.overview().join().clusterId();
        Optional<Trace> trace = LineageIndexes.tracerFor(DataFolder.path(), clusterId, session, store, profile).trace(decisionId);
        if (trace.isEmpty()) {
            return Optional.empty();
        }
        Instant madeAt = clock.instant();
        GovernanceStore governed = new GovernanceStore(DataFolder.path(), clusterId);
        ClusterGovernance governance = governed.load();
        // A report leaves the machine: it applies the cluster's masking itself, whatever decoder it was handed.
        ReportAssembly assembly = new ReportAssembly(trace.get(), profile, decoder.masking(governed.masking()));
        Collection<ReportAssembly.Wanted> sources = assembly.sources();
        Map<RecordCoordinates, FetchedRecord> fetched = RecordBatchFetch.fetch(session.profile().clientConfig(),
                sources.stream().map(ReportAssembly.Wanted::coordinates).toList());
        AuditReport.IndexState index = IndexStates.of(session.admin(), store, profile,
                sources.stream().map(w -> w.coordinates().topic()).distinct().toList(), topic -> governance.topic(topic).owner());
        return Optional.of(assembly.report(clusterId, session.profile().bootstrapServers(), fetched, index, madeAt));
    }

    /** Writes both files; the names carry the decision id and the time the report was made, so no earlier report is overwritten. */
    public static ReportFiles save(AuditReport report, Path folder) {
        String base = "audit-" + report.decision().id().replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + FILE_TIME.format(report.madeAt());
        try {
            Files.createDirectories(folder);
            Path html = Files.writeString(folder.resolve(base + ".html"), HtmlReport.of(report));
            Path json = Files.writeString(folder.resolve(base + ".json"), JsonReport.of(report));
            return new ReportFiles(html, json, report);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit report into " + folder + ": " + e.getMessage(), e);
        }
    }
}
