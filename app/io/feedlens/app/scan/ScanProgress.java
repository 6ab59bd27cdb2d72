package io.feedlens.app.scan;

import java.time.Duration;

/**
 * The live figures of a scan: records read, matched, bytes, records the filter could not be evaluated on, records
 * that did not decode, time so far, partitions finished.
 */
public record ScanProgress(long scanned, long matched, long bytes, long filterErrors, long undecoded,
                           Duration elapsed, int partitionsDone, int partitionsTotal) {

    public double recordsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : scanned / seconds;
    }

    /** One line for a status label or the end of a command's output. */
    public String summary() {
        return String.format("scanned %,d · matched %,d · %.1f MB · %,.0f records/s · %.1f s%s%s", scanned, matched,
                bytes / 1e6, recordsPerSecond(), elapsed.toMillis() / 1000.0,
                undecoded > 0 ? String.format(" · %,d did not decode", undecoded) : "",
                filterErrors > 0 ? String.format(" · filter failed on %,d", filterErrors) : "");
    }
}
