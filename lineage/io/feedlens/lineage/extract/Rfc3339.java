package io.feedlens.lineage.extract;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the one time shape feeds write almost always, {@code 2026-11-26T12:34:56.789Z} (seconds optional fraction of
 * up to nine digits, {@code Z}), without {@link java.time.format.DateTimeFormatter}: profiled, {@code Instant.parse}
 * took half of the lineage extractor's time. Anything else (offsets, lower-case letters, leap seconds, odd widths)
 * is left to {@code Instant.parse}, so the answer is always the one {@code Instant.parse} would give.
 */
final class Rfc3339 {

    private static final int SHORTEST = "2026-11-26T12:34:56Z".length();

    private Rfc3339() {
    }

    /** The instant, or null when the text is not of the common shape (the caller then asks {@code Instant.parse}). */
    static Instant commonShape(String text) {
        int length = text.length();
        if (length < SHORTEST || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nanos = fraction(text, 19, length - 1);
        if ((year | month | day | hour | minute | second | nanos) < 0 || month < 1 || month > 12 || day < 1
                || hour > 23 || minute > 59 || second > 59 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The number written by {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Nanoseconds of an optional {@code .ddd} between {@code from} and {@code end}: 0 when absent, -1 when malformed. */
    private static int fraction(String text, int from, int end) {
        if (from == end) {
            return 0;
        }
        int count = end - from - 1;
        if (text.charAt(from) != '.' || count < 1 || count > 9) {
            return -1;
        }
        int value = digits(text, from + 1, count);
        for (int i = count; i < 9 && value >= 0; i++) {
            value *= 10;
        }
        return value;
    }
}
