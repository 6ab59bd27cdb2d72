package io.feedlens.app.export;

import java.time.Instant;
import java.util.List;

import io.feedlens.app.decode.Decoded;
import io.feedlens.app.decode.DecodedRecord;

/**
 * A decoded record as one CSV row (RFC 4180): fields holding a comma, a quote or a line break are quoted, quotes doubled.
 * Key and value are compact text (JSON for structured values), so a spreadsheet gets one cell each.
 */
public final class RecordCsv {

    public static final List<String> HEADER = List.of("partition", "offset", "timestamp", "key", "value",
            "format", "problem", "headers");

    private RecordCsv() {
    }

    public static String header() {
        return row(HEADER);
    }

    public static String line(DecodedRecord record) {
        return row(List.of(
                String.valueOf(record.coordinates().partition()),
                String.valueOf(record.coordinates().offset()),
                Instant.ofEpochMilli(record.timestamp()).toString(),
                text(record.key()),
                text(record.value()),
                record.value().format().label(),
                problem(record),
                String.valueOf(record.headers().size())));
    }

    /** One field as CSV wants it. */
    public static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean needsQuotes = value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** Fields joined into one CSV line (no line end). */
    public static String row(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields.get(i)));
        }
        return line.toString();
    }

    private static String text(Decoded decoded) {
        if (decoded.tree() == null || decoded.tree().isNull()) {
            return "";
        }
        return decoded.tree().isTextual() ? decoded.tree().textValue() : decoded.tree().toString();
    }

    private static String problem(DecodedRecord record) {
        if (record.value().problem() != null) {
            return record.value().problem();
        }
        return record.key().problem() == null ? "" : "key: " + record.key().problem();
    }
}
