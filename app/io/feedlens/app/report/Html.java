package io.feedlens.app.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.feedlens.app.lineage.TraceText;
import io.feedlens.lineage.trace.TraceFlag;

/** The small pieces the HTML report is written with. Every text that comes from a record or the index passes {@link #text}. */
final class Html {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'").withZone(ZoneOffset.UTC);

    private Html() {
    }

    /** Escapes the five characters that could end text or an attribute; null reads as a dash. */
    static String text(Object value) {
        if (value == null) {
            return "—";
        }
        String raw = value.toString();
        StringBuilder escaped = new StringBuilder(raw.length() + 16);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    static String code(Object value) {
        return value == null ? "—" : "<code>" + text(value) + "</code>";
    }

    static String time(Instant instant) {
        return instant == null ? "—" : text(TIME.format(instant));
    }

    static String age(Duration duration) {
        return duration == null ? "—" : text(TraceText.age(duration));
    }

    static String number(Double value) {
        return value == null ? "—" : text(TraceText.number(value));
    }

    /** A table row of a label and an already-escaped cell. */
    static String row(String label, String cellHtml) {
        return "<tr><th scope=\"row\">" + text(label) + "</th><td>" + cellHtml + "</td></tr>\n";
    }

    /** Each flag as its symbol and word in a bordered box (readable without colour); "none" when there are none. */
    static String flags(Collection<TraceFlag> flags) {
        if (flags == null || flags.isEmpty()) {
            return "<span class=\"none\">none</span>";
        }
        return flags.stream().sorted(Comparator.naturalOrder()).map(FlagWords::of)
                .map(w -> "<span class=\"flag flag-" + w.code() + "\" title=\"" + text(w.meaning()) + "\">" + text(w.label()) + "</span>")
                .collect(Collectors.joining(" "));
    }

    /** A decoded payload, pretty-printed JSON or its text, in a block that wraps when printed. */
    static String content(JsonNode content) {
        if (content == null || content.isNull()) {
            return "<pre class=\"payload\">(none)</pre>";
        }
        String shown;
        try {
            shown = content.isTextual() ? content.textValue() : JsonReport.JSON.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            shown = content.toString();
        }
        return "<pre class=\"payload\">" + text(shown) + "</pre>";
    }

    /** An id usable as a fragment link to a record: coordinates with everything but letters and digits made '-'. */
    static String anchor(String coordinates) {
        return "rec-" + coordinates.replaceAll("[^A-Za-z0-9]", "-");
    }
}
