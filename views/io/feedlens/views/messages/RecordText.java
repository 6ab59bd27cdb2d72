package io.feedlens.views.messages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.feedlens.app.decode.Decoded;
import io.feedlens.app.decode.DecodedRecord;

/** How records read in the Messages tab: coordinates, times, pretty values, hex dumps. Pure functions, any thread. */
final class RecordText {

    /** Bytes of raw value shown as hex: enough to see framing and the start of a payload. */
    static final int HEX_LIMIT = 64 * 1024;
    /** Values above this show a preview until someone asks for the whole. */
    static final int LARGE_VALUE = 1024 * 1024;
    static final int PREVIEW_CHARS = 64 * 1024;

    private static final ObjectWriter PRETTY = new ObjectMapper().writerWithDefaultPrettyPrinter();
    private static final DateTimeFormatter CELL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private RecordText() {
    }

    static String coordinates(DecodedRecord record) {
        return record.coordinates().topic() + "/" + record.coordinates().partition() + "@" + record.coordinates().offset();
    }

    static String time(long epochMillis, ZoneId zone) {
        return CELL_TIME.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    static boolean isLarge(Decoded decoded) {
        return decoded.size() > LARGE_VALUE;
    }

    /** The decoded content for reading: JSON pretty-printed, text as it is; large values cut to a preview. */
    static String pretty(Decoded decoded) {
        if (isLarge(decoded)) {
            return decoded.preview(PREVIEW_CHARS) + "\n\n(" + megabytes(decoded.size())
                    + " in all: this is a preview; \"Load full value\" shows the whole)";
        }
        return prettyInFull(decoded);
    }

    static String prettyInFull(Decoded decoded) {
        if (decoded.tree() == null || decoded.tree().isNull()) {
            return decoded.size() == 0 && decoded.format() == io.feedlens.app.decode.Format.NULL ? "(none)" : "null";
        }
        if (decoded.tree().isTextual()) {
            return decoded.tree().textValue();
        }
        try {
            return PRETTY.writeValueAsString(decoded.tree());
        } catch (JsonProcessingException e) {
            return decoded.tree().toString();
        }
    }

    /** Offset, 16 bytes in hex, and the printable ASCII beside them; at most {@link #HEX_LIMIT} bytes. */
    static String hexDump(byte[] bytes) {
        if (bytes == null) {
            return "(null)";
        }
        int length = Math.min(bytes.length, HEX_LIMIT);
        StringBuilder out = new StringBuilder(length * 4 + 64);
        for (int line = 0; line < length; line += 16) {
            out.append(String.format("%08x  ", line));
            StringBuilder ascii = new StringBuilder(16);
            for (int i = line; i < line + 16; i++) {
                if (i < length) {
                    out.append(DIGITS[(bytes[i] >> 4) & 0xf]).append(DIGITS[bytes[i] & 0xf]).append(' ');
                    ascii.append(bytes[i] >= 0x20 && bytes[i] < 0x7f ? (char) bytes[i] : '.');
                } else {
                    out.append("   ");
                }
            }
            out.append(" |").append(ascii).append("|\n");
        }
        if (bytes.length > length) {
            out.append(String.format("… %,d more bytes not shown%n", bytes.length - length));
        }
        return out.toString();
    }

    static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1_048_576.0);
    }

    static String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : bytes < 1_048_576 ? String.format("%.1f KB", bytes / 1024.0) : megabytes(bytes);
    }

    /** "OK", or the decode problem in words: the status column never relies on colour alone. */
    static String status(DecodedRecord record) {
        if (record.value().problem() != null) {
            return record.value().problem();
        }
        return record.key().problem() == null ? "OK" : "key: " + record.key().problem();
    }
}
