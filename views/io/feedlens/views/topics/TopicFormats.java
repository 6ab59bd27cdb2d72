package io.feedlens.views.topics;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the Topics screen writes sizes, counts, durations and times: short, in the units people think in. */
public final class TopicFormats {

    private static final String[] BYTE_UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};
    private static final DateTimeFormatter ABSOLUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS zzz", Locale.ROOT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private TopicFormats() {
    }

    /** 1,234,567 */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** 0 B, 812 B, 4.1 KB, 1.3 GB (powers of 1,024, as disks are sized); "—" when unknown. */
    public static String bytes(Long value) {
        if (value == null || value < 0) {
            return "—";
        }
        double size = value;
        int unit = 0;
        while (size >= 1024 && unit < BYTE_UNITS.length - 1) {
            size /= 1024;
            unit++;
        }
        return unit == 0 ? value + " B" : String.format(Locale.ROOT, size < 10 ? "%.1f %s" : "%.0f %s", size, BYTE_UNITS[unit]);
    }

    /** Retention by time and by size, e.g. "7 d", "forever", "1 h · 1.0 GB"; "—" when unknown. */
    public static String retention(Long ms, Long bytes) {
        if (ms == null && bytes == null) {
            return "—";
        }
        String time = ms == null ? null : ms < 0 ? "forever" : duration(Duration.ofMillis(ms));
        String size = bytes == null || bytes < 0 ? null : bytes(bytes);
        if (size == null) {
            return time == null ? "—" : time;
        }
        return time == null || time.equals("forever") ? "up to " + size : time + " · " + size;
    }

    /** The largest whole unit: "250 ms", "45 s", "30 min", "12 h", "7 d". */
    public static String duration(Duration length) {
        long ms = length.toMillis();
        if (ms < 1_000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return exact(ms, 1_000, "s");
        }
        if (ms < 3_600_000) {
            return exact(ms, 60_000, "min");
        }
        if (ms < 86_400_000) {
            return exact(ms, 3_600_000, "h");
        }
        return exact(ms, 86_400_000, "d");
    }

    private static String exact(long ms, long unitMs, String unit) {
        return ms % unitMs == 0 ? ms / unitMs + " " + unit : String.format(Locale.ROOT, "%.1f %s", (double) ms / unitMs, unit);
    }

    /** "just now", "3 s ago", "5 min ago", "2 h ago", "4 d ago"; "in 2 min" for clocks ahead; "never" when null. */
    public static String ago(Instant then, Instant now) {
        if (then == null) {
            return "never";
        }
        long seconds = Duration.between(then, now).getSeconds();
        if (seconds < 0) {
            return "in " + roughly(-seconds);
        }
        return seconds == 0 ? "just now" : roughly(seconds) + " ago";
    }

    private static String roughly(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3_600) {
            return seconds / 60 + " min";
        }
        if (seconds < 86_400) {
            return seconds / 3_600 + " h";
        }
        return seconds / 86_400 + " d";
    }

    /** Local time to the second, for table cells; "—" when there is none. */
    public static String time(Instant time, ZoneId zone) {
        return time == null ? "—" : SECONDS.format(time.atZone(zone));
    }

    /** The full local time with milliseconds and zone, for tooltips: exact where the table is brief. */
    public static String absolute(Instant time, ZoneId zone) {
        return time == null ? "no records" : ABSOLUTE.format(time.atZone(zone));
    }
}
