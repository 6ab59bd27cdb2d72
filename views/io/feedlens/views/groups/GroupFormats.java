package io.feedlens.views.groups;

import java.time.Duration;

import io.feedlens.app.groups.LagStatus;
import io.feedlens.views.topics.TopicFormats;

/**
 * How the Groups screen says a status and a lag: a word with a shape in front, so the status never rests on
 * colour alone, and the style class that colours it.
 */
public final class GroupFormats {

    private GroupFormats() {
    }

    /** "● OK", "▲ WARN", "■ STALL": the word says it, the shape helps scanning, the colour comes from the style. */
    public static String status(LagStatus status) {
        if (status == null) {
            return "? unknown";
        }
        return switch (status) {
            case OK -> "● OK";
            case WARN -> "▲ WARN";
            case ERR -> "■ ERR";
            case STOP -> "■ STOP";
            case STALL -> "■ STALL";
            case REWIND -> "↺ REWIND";
        };
    }

    /** "status-ok", "status-warn", …: the colour of a status cell. */
    public static String statusStyle(LagStatus status) {
        return status == null ? "status-unknown" : "status-" + status.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** What a status means, for the tooltip: the rule behind the word. */
    public static String statusMeaning(LagStatus status) {
        if (status == null) {
            return "Not enough samples yet to judge.";
        }
        return switch (status) {
            case OK -> "Keeping up, or caught up at least once in the window.";
            case WARN -> "Committing, but the lag never went down in the window: the consumer is slow.";
            case ERR -> "At least one partition is stopped, stalled or rewound.";
            case STOP -> "No commits for longer than the window spans: the consumer has stopped.";
            case STALL -> "Committing the same offset while records wait: the consumer is stuck.";
            case REWIND -> "The committed offset went backwards: reset, or replaying.";
        };
    }

    /** "42 s", "3.5 min"; "0 s" when caught up; "—" when unknown. */
    public static String lagTime(Duration lag) {
        if (lag == null) {
            return "—";
        }
        return lag.isZero() || lag.isNegative() ? "0 s" : TopicFormats.duration(roundToSecond(lag));
    }

    /** Time to catch up: "—" while the group does not move, "now" when nothing waits. */
    public static String catchUp(Duration estimate) {
        if (estimate == null) {
            return "—";
        }
        return estimate.isZero() || estimate.isNegative() ? "now" : TopicFormats.duration(roundToSecond(estimate));
    }

    /** Records as "1,204"; "—" when unknown. */
    public static String records(Long count) {
        return count == null ? "—" : TopicFormats.count(count);
    }

    /** Below a minute the milliseconds are noise for a lag; above it the seconds are. */
    private static Duration roundToSecond(Duration length) {
        return length.toMillis() < 1_000 ? length : Duration.ofSeconds(Math.round(length.toMillis() / 1000.0));
    }
}
