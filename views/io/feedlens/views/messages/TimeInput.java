package io.feedlens.views.messages;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/** Times typed into the Messages tab: ISO instants ({@code 2026-11-26T07:00:00Z}) or local date-times ({@code 2026-11-26 07:00}). */
final class TimeInput {

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[ ]['T']HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .toFormatter();

    private TimeInput() {
    }

    /** The time, or an exception whose message says what to type. */
    static Instant parse(String text, String what, ZoneId zone) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("Enter " + what + ", e.g. 2026-11-26 07:00 or 2026-11-26T07:00:00Z.");
        }
        try {
            return Instant.parse(trimmed);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDateTime.parse(trimmed, LOCAL).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + trimmed + "' is not a time: use 2026-11-26 07:00 (local) or 2026-11-26T07:00:00Z.");
            }
        }
    }
}
