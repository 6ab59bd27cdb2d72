package io.feedlens.app.scan;

import java.time.Instant;

/** Where a scan begins in each partition. */
public sealed interface StartAt {

    /** The earliest record still in the partition. */
    record Earliest() implements StartAt {
    }

    /** This offset in every chosen partition (clamped to what the partition holds). */
    record Offset(long offset) implements StartAt {
    }

    /** The first record whose timestamp is at or after this time. */
    record Time(Instant time) implements StartAt {
    }

    /** The last {@code count} records of each partition: for "newest N", merged by timestamp afterwards. */
    record Newest(int count) implements StartAt {
    }

    static StartAt earliest() {
        return new Earliest();
    }
}
