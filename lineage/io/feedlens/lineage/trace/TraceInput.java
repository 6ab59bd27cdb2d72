package io.feedlens.lineage.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * @param masked     what is shown instead of a number or status that a masking rule hides ({@code value},
 *                   {@code loggedValue}, {@code loggedStatus} → {@code ****}, {@code hash:…}); that field is then null
 */
public record TraceInput(boolean inferred, String reference, FeatureVersion feature, String featureId, String entity,
                         Instant asOf, Double value, Double loggedValue, FeatureStatus loggedStatus, Duration freshness,
                         List<RecordCoordinates> copies, long contentHash, Set<TraceFlag> flags, List<String> notes,
                         List<TraceEvent> events, Map<String, String> masked) {

    public TraceInput {
        copies = List.copyOf(copies);
        flags = Set.copyOf(flags);
        notes = List.copyOf(notes);
        events = List.copyOf(events);
        masked = masked == null ? Map.of() : Map.copyOf(masked);
    }

    /** The feature record's value as a person may see it: the number, what masking shows instead, or null when there is none. */
    public String valueText() {
        return masked.containsKey("value") ? masked.get("value") : value == null ? null : numberText(value);
    }

    /** The value the decision logged, as {@link #valueText()}. */
    public String loggedValueText() {
        return masked.containsKey("loggedValue") ? masked.get("loggedValue") : loggedValue == null ? null : numberText(loggedValue);
    }

    /** The status the decision logged, as {@link #valueText()}. */
    public String loggedStatusText() {
        return masked.containsKey("loggedStatus") ? masked.get("loggedStatus") : loggedStatus == null ? null : loggedStatus.name();
    }

    /** A whole number without ".0"; others as Java writes them. */
    public static String numberText(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }
}
