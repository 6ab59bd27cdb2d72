package io.feedlens.app.lineage;

import java.time.Instant;

import io.feedlens.lineage.extract.LineageProfile;

/**
 * What an index run reads and how.
 *
 * @param from             where to start partitions the index has never read (null: their beginning)
 * @param follow           keep reading new records after catching up, until stopped
 * @param stopAfterBatches for tests: end abruptly after this many committed batches, as a crash would (0: never)
 */
public record IndexSettings(LineageProfile profile, int batchSize, Instant from, boolean follow, int stopAfterBatches) {

    /** Measured here: H2 loads 5,000-row transactions at a third of the rate of 500-row ones (undo log, page churn). */
    public static final int DEFAULT_BATCH = 500;

    public static IndexSettings catchUp(LineageProfile profile) {
        return new IndexSettings(profile, DEFAULT_BATCH, null, false, 0);
    }

    public IndexSettings withBatchSize(int size) {
        return new IndexSettings(profile, size, from, follow, stopAfterBatches);
    }

    public IndexSettings stoppingAfter(int batches) {
        return new IndexSettings(profile, batchSize, from, follow, batches);
    }

    public IndexSettings following(boolean keepReading) {
        return new IndexSettings(profile, batchSize, from, keepReading, stopAfterBatches);
    }

    public IndexSettings from(Instant start) {
        return new IndexSettings(profile, batchSize, start, follow, stopAfterBatches);
    }
}
