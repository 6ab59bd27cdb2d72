package io.feedlens.app.groups;

import java.time.Duration;
import java.time.Instant;

/** One point of a lag chart: the lag in records, and in time (the oldest unconsumed record's age; null if unknown). */
public record LagPoint(Instant at, long lagRecords, Duration lagTime) {
}
