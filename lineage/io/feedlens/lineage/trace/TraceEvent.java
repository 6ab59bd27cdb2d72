package io.feedlens.lineage.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.feedlens.lineage.RecordCoordinates;

/**
 * A source record behind a feature: shown once however many copies Kafka holds.
 *
 * @param reference     how the feature named it ({@code id:…}, coordinates or a window)
 * @param toFeature     feature as-of time − event time; null when the event is missing
 */
public record TraceEvent(String reference, String id, String source, String entity, Instant time, Duration toFeature,
                         List<RecordCoordinates> copies, long contentHash, Set<TraceFlag> flags, List<String> notes) {

    public TraceEvent {
        copies = List.copyOf(copies);
        flags = Set.copyOf(flags);
        notes = List.copyOf(notes);
    }
}
