package io.feedlens.app.groups;

import java.time.Instant;

/**
 * One entry of a partition's sliding window, as Burrow keeps it: the committed offset, the lag at that moment,
 * and when the offset was (last known to be) committed.
 */
public record OffsetObservation(long offset, long lag, Instant committedAt) {
}
