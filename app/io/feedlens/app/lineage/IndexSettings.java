package io.feedlens.app.lineage;

import java.time.Instant;

import io.feedlens.lineage.extract.LineageProfile;

/**
 * What an index run reads and how.
 *
 * @param from             where to start partitions the index has never read (null: their beginning)
 * @param follow           keep reading new records after catching up, until stopped
 * @param stopAfterBatches for tests: end abruptly after this many committed batches, as a crash would (0: never)
 * @param bulkLoadBehind   further behind than this many records, merge the lookups into one run each once caught
 *                         up (decision 11, schema 8)
 * @param group            the Kafka consumer group whose members share the partitions (decision 12), or null: this
 *                         indexer reads every partition of the profile's topics
 */
public record IndexSettings(LineageProfile profile, int batchSize, Instant from, boolean follow, int stopAfterBatches,
                            long bulkLoadBehind, String group) {

    public static final long DEFAULT_BULK_LOAD_BEHIND = 20_000;

    /**
     * Records per transaction (and per poll). With blocks instead of rows per link, each batch has a fixed cost (a
     * block and a filter per table, a lookup block per kind, a commit, the offsets): 2,000 indexed the 1M demo feed
     * ~19 % faster than 500, and 5,000 no faster than 2,000 (decision 11).
     */
    public static final int DEFAULT_BATCH = 2000;

    public static IndexSettings catchUp(LineageProfile profile) {
        return new IndexSettings(profile, DEFAULT_BATCH, null, false, 0, DEFAULT_BULK_LOAD_BEHIND, null);
    }

    public IndexSettings withBatchSize(int size) {
        return new IndexSettings(profile, size, from, follow, stopAfterBatches, bulkLoadBehind, group);
    }

    public IndexSettings stoppingAfter(int batches) {
        return new IndexSettings(profile, batchSize, from, follow, batches, bulkLoadBehind, group);
    }

    public IndexSettings following(boolean keepReading) {
        return new IndexSettings(profile, batchSize, from, keepReading, stopAfterBatches, bulkLoadBehind, group);
    }

    public IndexSettings from(Instant start) {
        return new IndexSettings(profile, batchSize, start, follow, stopAfterBatches, bulkLoadBehind, group);
    }

    public IndexSettings withBulkLoadBehind(long records) {
        return new IndexSettings(profile, batchSize, from, follow, stopAfterBatches, records, group);
    }

    /**
     * Joins consumer group {@code name}: the group divides the partitions between its members, the index keeps the
     * offsets. No bulk load: each member's catch-up would merge the shared lookups into one run again (decision 11).
     */
    public IndexSettings inGroup(String name) {
        return new IndexSettings(profile, batchSize, from, follow, stopAfterBatches, Long.MAX_VALUE, name);
    }
}
