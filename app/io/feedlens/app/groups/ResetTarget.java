package io.feedlens.app.groups;

import java.time.Instant;

/** Where an offset reset moves a group: the choices of Kafka's own {@code --reset-offsets}, in its words. */
public sealed interface ResetTarget {

    /** Says the target the way the dry run and the CLI print it. */
    String describe();

    /** Back to the oldest record still kept: replay everything. */
    record ToEarliest() implements ResetTarget {
        public String describe() {
            return "to the earliest offset";
        }
    }

    /** To the end: skip everything not yet consumed. */
    record ToLatest() implements ResetTarget {
        public String describe() {
            return "to the latest offset";
        }
    }

    /** To the first record stamped at or after the moment; past the end it goes to the end, and says so. */
    record ToDatetime(Instant at) implements ResetTarget {
        public String describe() {
            return "to " + at;
        }
    }

    /** To this offset on every chosen partition, kept within what the partition holds. */
    record ToOffset(long offset) implements ResetTarget {
        public String describe() {
            return "to offset " + offset;
        }
    }

    /** Forward (positive) or back (negative) by this many records from the committed offset. */
    record ShiftBy(long records) implements ResetTarget {
        public String describe() {
            return "shifted by " + (records > 0 ? "+" : "") + records;
        }
    }
}
