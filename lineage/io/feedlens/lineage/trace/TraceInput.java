package io.feedlens.lineage.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.feedlens.lineage.FeatureStatus;
import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.model.FeatureVersion;

/**
 * One feature record a decision read (asserted by its used list) or would have read (inferred by the as-of join),
 * with what the decision logged beside what the record holds.
 *
 * @param reference  how the decision named it: feature id, coordinates, or the view for an inferred input
 * @param freshness  decision time − the feature's as-of time; null when the record is missing
 */
public record TraceInput(boolean inferred, String reference, FeatureVersion feature, String featureId, String entity,
                         Instant asOf, Double value, Double loggedValue, FeatureStatus loggedStatus, Duration freshness,
                         List<RecordCoordinates> copies, long contentHash, Set<TraceFlag> flags, List<String> notes,
                         List<TraceEvent> events) {

    public TraceInput {
        copies = List.copyOf(copies);
        flags = Set.copyOf(flags);
        notes = List.copyOf(notes);
        events = List.copyOf(events);
    }
}
