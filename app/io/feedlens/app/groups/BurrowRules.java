package io.feedlens.app.groups;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Burrow's consumer-lag evaluation, rule for rule (docs/groups-status.md): no thresholds, only the shape of the
 * committed offsets and lags over a sliding window. Pure functions, so every rule is tested with constructed windows.
 */
public final class BurrowRules {

    private BurrowRules() {
    }

    /**
     * The status of one partition.
     *
     * @param window     observations, oldest first; an empty window says nothing, so it is OK
     * @param currentLag the lag right now (log-end offset minus committed offset)
     * @param now        the evaluation time
     */
    public static LagStatus partition(List<OffsetObservation> window, long currentLag, Instant now) {
        if (window.isEmpty() || currentLag <= 0 || lagWasZeroAtSomePoint(window)) {
            return LagStatus.OK;
        }
        // Worst first: the first rule that holds decides.
        if (offsetsWentBackwards(window)) {
            return LagStatus.REWIND;
        }
        if (commitsStopped(window, now)) {
            return LagStatus.STOP;
        }
        if (offsetsNeverMoved(window)) {
            return LagStatus.STALL;
        }
        if (lagNeverDecreased(window)) {
            return LagStatus.WARN;
        }
        return LagStatus.OK;
    }

    /** The status of a group: its worst partition, with STOP, STALL and REWIND said as ERR. */
    public static LagStatus group(Collection<LagStatus> partitions) {
        LagStatus worst = LagStatus.OK;
        for (LagStatus status : partitions) {
            if (status.compareTo(worst) > 0) {
                worst = status;
            }
        }
        return worst.forGroup();
    }

    /** Rule 1: a consumer that caught up at any point in the window is fine. */
    static boolean lagWasZeroAtSomePoint(List<OffsetObservation> window) {
        return window.stream().anyMatch(o -> o.lag() == 0);
    }

    /** Rule 2: an offset lower than the one before it is a rewind. */
    static boolean offsetsWentBackwards(List<OffsetObservation> window) {
        for (int i = 1; i < window.size(); i++) {
            if (window.get(i).offset() < window.get(i - 1).offset()) {
                return true;
            }
        }
        return false;
    }

    /** Rule 3: silent for longer than the window spans, measured from the newest commit. */
    static boolean commitsStopped(List<OffsetObservation> window, Instant now) {
        long first = window.get(0).committedAt().toEpochMilli();
        long last = window.get(window.size() - 1).committedAt().toEpochMilli();
        return now.toEpochMilli() - last > last - first;
    }

    /** Rule 4: committing, but always the same offset, while records wait. */
    static boolean offsetsNeverMoved(List<OffsetObservation> window) {
        for (int i = 1; i < window.size(); i++) {
            if (window.get(i).offset() != window.get(i - 1).offset()) {
                return false;
            }
        }
        return true;
    }

    /** Rule 5: moving, but the lag never went down from one observation to the next. */
    static boolean lagNeverDecreased(List<OffsetObservation> window) {
        for (int i = 1; i < window.size(); i++) {
            if (window.get(i).lag() < window.get(i - 1).lag()) {
                return false;
            }
        }
        return true;
    }
}
