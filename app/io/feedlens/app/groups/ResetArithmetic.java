package io.feedlens.app.groups;

/** Where a reset target lands on one partition, kept within what the partition holds, and what to tell about it. */
final class ResetArithmetic {

    record Destination(long offset, String note) {
    }

    private ResetArithmetic() {
    }

    /**
     * @param current  the committed offset, or null when there is none
     * @param atTime   for a datetime target, the first offset stamped at or after it; -1 (or null) when none is
     */
    static Destination destination(ResetTarget target, Long current, long earliest, long latest, Long atTime) {
        if (target instanceof ResetTarget.ToEarliest) {
            return new Destination(earliest, null);
        }
        if (target instanceof ResetTarget.ToLatest) {
            return new Destination(latest, null);
        }
        if (target instanceof ResetTarget.ToDatetime datetime) {
            if (atTime == null || atTime < 0) {
                return new Destination(latest, "No record at or after " + datetime.at() + ": goes to the end (offset " + latest + ").");
            }
            return new Destination(atTime, null);
        }
        if (target instanceof ResetTarget.ToOffset to) {
            return within(to.offset(), earliest, latest);
        }
        ResetTarget.ShiftBy shift = (ResetTarget.ShiftBy) target;
        long from = current == null ? latest : current;
        return within(from + shift.records(), earliest, latest);
    }

    private static Destination within(long wanted, long earliest, long latest) {
        if (wanted < earliest) {
            return new Destination(earliest, "Offset " + wanted + " is no longer kept: goes to the earliest (" + earliest + ").");
        }
        if (wanted > latest) {
            return new Destination(latest, "Offset " + wanted + " is past the end: goes to the end (" + latest + ").");
        }
        return new Destination(wanted, null);
    }
}
