package io.feedlens.lineage.trace;

import java.util.Optional;

/**
 * What the team that owns the topics has said about them, as far as a trace cares: which topics are for analytics
 * only, and which keep their records for less time than replaying a decision needs. The app answers from the
 * governance file and the topics' configs; the tracer knows neither.
 */
public interface TopicPolicy {

    /** Nothing recorded: no policy flags. */
    TopicPolicy NONE = new TopicPolicy() {
        @Override
        public boolean analyticsOnly(String topic) {
            return false;
        }

        @Override
        public Optional<String> retentionShortfall(String topic) {
            return Optional.empty();
        }
    };

    /** Whether the topic is classified "analytics only": it must not feed online decisions. */
    boolean analyticsOnly(String topic);

    /** Why the topic's retention is shorter than the retention required of it, in words; empty when it is not. */
    Optional<String> retentionShortfall(String topic);
}
