package io.feedlens.app.lineage;

/**
 * How an index run is going.
 *
 * @param records        records read in this run (indexed and skipped)
 * @param skipped        of those, records the index could not use
 * @param recordsPerSecond since the run started
 * @param behind         records between the index's position and the topics' end offsets, when last asked
 */
public record IndexProgress(long records, long skipped, long batches, double recordsPerSecond, long behind, boolean caughtUp) {

    public String line() {
        return String.format("%,d records (%,d skipped) · %,.0f records/s · %,d behind%s", records, skipped, recordsPerSecond,
                behind, caughtUp ? " · caught up" : "");
    }
}
