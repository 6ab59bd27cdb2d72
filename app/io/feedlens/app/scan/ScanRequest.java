package io.feedlens.app.scan;

import java.time.Instant;
import java.util.List;

import io.feedlens.app.search.RecordFilter;

/**
 * What to read: a topic (all partitions, or the chosen ones), from where, up to where — the end offsets taken when
 * the scan starts, or the first record at or after {@code until} — with which isolation level, keeping which records.
 *
 * @param maxMatches stop once this many matched (0: no limit), for "first N matches" searches
 */
public record ScanRequest(String topic, List<Integer> partitions, StartAt start, Instant until, boolean readCommitted,
                          RecordFilter filter, long maxMatches) {

    public ScanRequest {
        partitions = partitions == null ? List.of() : List.copyOf(partitions);
        start = start == null ? StartAt.earliest() : start;
        filter = filter == null ? RecordFilter.all() : filter;
    }

    public static ScanRequest wholeTopic(String topic, RecordFilter filter) {
        return new ScanRequest(topic, List.of(), StartAt.earliest(), null, false, filter, 0);
    }

    public ScanRequest from(StartAt at) {
        return new ScanRequest(topic, partitions, at, until, readCommitted, filter, maxMatches);
    }

    public ScanRequest until(Instant time) {
        return new ScanRequest(topic, partitions, start, time, readCommitted, filter, maxMatches);
    }

    public ScanRequest readCommitted(boolean committedOnly) {
        return new ScanRequest(topic, partitions, start, until, committedOnly, filter, maxMatches);
    }

    public ScanRequest limit(long matches) {
        return new ScanRequest(topic, partitions, start, until, readCommitted, filter, matches);
    }

    public ScanRequest partitions(List<Integer> chosen) {
        return new ScanRequest(topic, chosen, start, until, readCommitted, filter, maxMatches);
    }
}
