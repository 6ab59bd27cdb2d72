package io.feedlens.app.governance;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a team says about one topic: who owns it, what its data may be used for, how long Kafka must keep it so
 * decisions built on it can be replayed, and free notes. Any part may be null (not recorded).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TopicGovernance(String owner, Classification classification, Duration requiredRetention, String notes) {

    public static final TopicGovernance NONE = new TopicGovernance(null, null, null, null);

    public TopicGovernance {
        owner = blankToNull(owner);
        notes = blankToNull(notes);
        if (requiredRetention != null && (requiredRetention.isNegative() || requiredRetention.isZero())) {
            throw new IllegalArgumentException("A required retention must be longer than zero, not " + requiredRetention);
        }
    }

    /** This entry with every part {@code change} records laid over it (null parts of {@code change} keep ours). */
    public TopicGovernance overlaidWith(TopicGovernance change) {
        return new TopicGovernance(change.owner != null ? change.owner : owner,
                change.classification != null ? change.classification : classification,
                change.requiredRetention != null ? change.requiredRetention : requiredRetention,
                change.notes != null ? change.notes : notes);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return owner == null && classification == null && requiredRetention == null && notes == null;
    }

    /** An ISO-8601 duration such as {@code P7D} or {@code PT36H}, with a message that says so when it is not one. */
    public static Duration parseRetention(String text) {
        try {
            return Duration.parse(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write it as ISO-8601, e.g. P7D (7 days) or PT36H (36 hours)");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
