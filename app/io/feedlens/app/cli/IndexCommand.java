package io.feedlens.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.feedlens.app.DataFolder;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.lineage.IndexProgress;
import io.feedlens.app.lineage.IndexSettings;
import io.feedlens.app.lineage.LineageIndexer;
import io.feedlens.app.lineage.LineageIndexes;
import io.feedlens.lineage.extract.LineageProfile;
import io.feedlens.lineage.model.SkippedRecord;
import io.feedlens.lineage.store.LineageStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code feedlens index --bootstrap … [--profile FILE] [--from T] [--follow] [--group G]}: brings the cluster's lineage
 * index up to date.
 */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Index record-level lineage of the profile's topics into this cluster's H2 index (resumes where it stopped).")
public final class IndexCommand implements Callable<Integer> {

    private static final int SKIPPED_SHOWN = 20;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    IndexPasswordOption indexPassword;

    @Mixin
    LineageProfileOptions lineage;

    @Option(names = "--from", paramLabel = "TIME", description = "Start partitions never indexed at this time (RFC 3339) instead of their beginning.")
    Instant from;

    @Option(names = "--follow", description = "Keep indexing new records until interrupted (Ctrl+C).")
    boolean follow;

    @Option(names = "--group", paramLabel = "GROUP",
            description = "Index as a member of this Kafka consumer group: several processes share the topics' partitions"
                    + " and write into one index, which keeps the offsets (the group's own stay unused).")
    String group;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "500", description = "Records per transaction (default 500).")
    int batch;

    @Option(names = "--schemas", paramLabel = "DIR", description = "Folder of local .avsc files (default: the data folder's schemas).")
    Path localSchemas;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ClusterProfile profile = cluster.profile();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LineageProfile lineageProfile = lineage.profileOrSay(profile, err);
        if (lineageProfile == null) {
            return 2;
        }
        return LineageIndexAccess.withIndex(spec, profile, group != null, indexPassword, (session, store) -> {
            LineageIndexer indexer = new LineageIndexer(profile.clientConfig(), store, decoder(profile));
            CountDownLatch closed = new CountDownLatch(1);
            // The run ends one of two ways when stopped: woken in a poll, or at the top of its loop after a batch.
            // Either way it was stopped, and says so.
            AtomicBoolean stopped = new AtomicBoolean();
            // The JVM ends when its hooks do: this one waits until the last batch is committed and the index closed.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopped.set(true);
                indexer.stop();
                awaitQuietly(closed);
            }, "feedlens-index-stop"));
            try {
                return indexAndReport(indexer, store, lineageProfile, out, err, stopped);
            } finally {
                closed.countDown();
            }
        });
    }

    private int indexAndReport(LineageIndexer indexer, LineageStore store, LineageProfile lineageProfile, PrintWriter out,
                               PrintWriter err, AtomicBoolean stopped) {
        IndexSettings settings = IndexSettings.catchUp(lineageProfile).withBatchSize(batch).from(from).following(follow);
        settings = group == null ? settings : settings.inGroup(group);
        IndexProgress done = indexer.run(settings, progress -> {
            err.println(progress.line());
            err.flush();
        });
        out.println(done == null || stopped.get() ? "Stopped; everything read so far is committed." : "Indexed " + done.line());
        out.println("Index now holds " + store.counts());
        List<SkippedRecord> skipped = store.skipped();
        skipped.stream().limit(SKIPPED_SHOWN).forEach(s -> out.println("  skipped " + s.coordinates() + ": " + s.reason()));
        if (skipped.size() > SKIPPED_SHOWN) {
            out.println("  … and " + (skipped.size() - SKIPPED_SHOWN) + " more skipped records");
        }
        out.flush();
        if (group == null) {
            store.compactAndClose(); // the normal end: a load leaves chunks half-used; compaction halves the file
        } // a group member leaves the file to the others: compaction would close it under their open transactions
        return 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private RecordDecoder decoder(ClusterProfile profile) {
        return LineageIndexes.decoderFor(profile, localSchemas != null ? localSchemas : LineageIndexes.defaultSchemaFolder(DataFolder.path()),
                io.feedlens.app.decode.ValueMask.NONE);
    }
}
