package io.feedlens.app.scan;

import java.time.Instant;
import java.util.List;

import io.feedlens.app.search.RecordFilter;

/**
 * What to read: a topic (all partitions, or the chosen ones), from where, up to where — the end offsets taken when
 * the scan starts, or the first record at or after {@code until} — with which isolation level, keeping which records.
 *
 * @param maxMatches stop once this many matched (0: no limit), for "first N matches" searches
 * @param handOver  hand over at most this many matches, decoded; count the rest without decoding them (0: hand over
 *                  all). A table of 10,000 rows over a search that matches a million then decodes 10,000 records in full.
 */
public record ScanRequest(String topic, List<Integer> partitions, StartAt start, Instant until, boolean readCommitted,
                          RecordFilter filter, long maxMatches, long handOver) {

    public ScanRequest {
        partitions = partitions == null ? List.of() : List.copyOf(partitions);
        start = start == null ? StartAt.earliest() : start;
        filter = filter == null ? RecordFilter.all() : filter;
    }

    public ScanRequest(String topic, List<Integer> partitions, StartAt start, Instant until, boolean readCommitted,
                       RecordFilter filter, long maxMatches) {
        this(topic, partitions, start, until, readCommitted, filter, maxMatches, 0);
    }

    public static ScanRequest wholeTopic(String topic, RecordFilter filter) {
        return new ScanRequest(topic, List.of(), StartAt.earliest(), null, false, filter, 0);
    }

    public ScanRequest from(StartAt at) {
        return new ScanRequest(topic, partitions, at, until, readCommitted, filter, maxMatches, handOver);
    }

    public ScanRequest until(Instant time) {
        return new ScanRequest(topic, partitions, start, time, readCommitted, filter, maxMatches, handOver);
    }

    public ScanRequest readCommitted(boolean committedOnly) {
        return new ScanRequest(topic, partitions, start, until, committedOnly, filter, maxMatches, handOver);
    }

    public ScanRequest limit(long matches) {
        return new ScanRequest(topic, partitions, start, until, readCommitted, filter, matches, handOver);
    }

    public ScanRequest partitions(List<Integer> chosen) {
        return new ScanRequest(topic, chosen, start, until, readCommitted, filter, maxMatches, handOver);
    }

    public ScanRequest handOver(long matches) {
        return new ScanRequest(topic, partitions, start, until, readCommitted, filter, maxMatches, matches);
    }
}
