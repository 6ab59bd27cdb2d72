package io.feedlens.app.groups;

/**
 * Burrow's verdict on a partition or a group, from least to most severe (see docs/groups-status.md).
 * A group is never worse than {@link #ERR}: STOP, STALL and REWIND of a partition make its group ERR.
 */
public enum LagStatus {
    /** Keeping up, or caught up at least once in the window. */
    OK,
    /** Committing, but the lag never went down in the window: the consumer is slow. */
    WARN,
    /** Group only: at least one partition is stopped, stalled or rewound. */
    ERR,
    /** No commits for longer than the window spans: the consumer has stopped. */
    STOP,
    /** Alive but committing the same offset while records wait: the consumer is stuck. */
    STALL,
    /** The committed offset went backwards: someone reset it, or the consumer replays. */
    REWIND;

    /** The group's status is the worst partition's, with the three partition errors said as ERR. */
    public LagStatus forGroup() {
        return compareTo(ERR) > 0 ? ERR : this;
    }
}
