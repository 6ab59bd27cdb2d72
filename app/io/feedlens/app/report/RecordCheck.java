package io.feedlens.app.report;

import java.util.List;

/**
 * What verifying one record of a report found.
 *
 * @param changed which of key, value and headers differ, when the outcome is {@link Outcome#CHANGED}
 */
public record RecordCheck(String coordinates, String role, String factId, Outcome outcome, List<String> changed, String explanation) {

    public enum Outcome {
        /** Kafka still holds the same bytes. */
        SAME,
        /** A record is at the coordinates, but with other bytes (the topic was recreated, or the report was altered). */
        CHANGED,
        /** Kafka no longer keeps it: retention removed it. */
        LEFT_RETENTION,
        /** It cannot be read now for another reason: topic gone, not authorized, nothing at the offset, no answer. */
        UNAVAILABLE,
        /** The report holds no digests for it: it could not be read when the report was made either. */
        NOT_HASHED
    }

    public RecordCheck {
        changed = List.copyOf(changed);
    }

    /** Anything but the same bytes, except a record the report itself could not hash. */
    public boolean differs() {
        return outcome != Outcome.SAME && outcome != Outcome.NOT_HASHED;
    }

    /** One line: a mark, the outcome, the record and what was found. */
    public String line() {
        String mark = switch (outcome) {
            case SAME -> "✓ same          ";
            case CHANGED -> "✗ changed       ";
            case LEFT_RETENTION -> "✗ left retention";
            case UNAVAILABLE -> "✗ unavailable   ";
            case NOT_HASHED -> "? not checked   ";
        };
        return mark + "  " + role + (factId == null ? "" : " " + factId) + " at " + coordinates + ": " + explanation;
    }
}
