package io.feedlens.app.lineage;

import java.nio.file.Path;
import java.util.Map;

import io.feedlens.app.decode.DecoderSettings;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.demo.DemoCluster;
import io.feedlens.lineage.extract.LineageProfile;
import io.feedlens.lineage.store.LineageStore;

/** A separate JVM that indexes a demo feed, for {@link IndexerKillTest} to SIGKILL: bootstrap, topic prefix, index file, batch size;
 * in bulk mode (lookups merged into one run once caught up) while more than 1,000 records behind, so kills also land in that mode. */
public final class IndexerProcess {

    /** Printed once the index is open and reading starts, so the test's kill times start there, however slow the JVM start. */
    static final String INDEXING = "INDEXING";
    private static boolean announced;

    private IndexerProcess() {
    }

    private static void announceOnce() {
        if (!announced) {
            announced = true;
            System.out.println(INDEXING);
            System.out.flush();
        }
    }

    public static void main(String[] args) {
        try {
            index(args);
        } catch (Throwable e) {
            System.out.println("FAILED");
            e.printStackTrace(System.out);
            System.out.flush();
            System.exit(2);
        }
    }

    private static void index(String[] args) {
        LineageStore store = LineageStore.open(Path.of(args[2]));
        LineageIndexer indexer = new LineageIndexer(Map.of("bootstrap.servers", args[0]), store,
                new RecordDecoder(DecoderSettings.automatic().withLocalSchemas(DemoCluster.schemas())));
        announceOnce();
        IndexProgress done = indexer.run(IndexSettings.catchUp(LineageProfile.demo(args[1])).withBatchSize(Integer.parseInt(args[3]))
                        .withBulkLoadBehind(1_000),
                progress -> announceOnce());
        store.close();
        System.out.println("DONE " + done.records());
    }
}
