package io.feedlens.app.governance;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a topic's data may be used for, as the team that owns it says. */
public enum Classification {
    FEEDS_ONLINE_DECISIONS("feeds-online-decisions", "feeds online decisions"),
    ANALYTICS_ONLY("analytics-only", "analytics only"),
    SENSITIVE("sensitive", "sensitive");

    private final String code;
    private final String words;

    Classification(String code, String words) {
        this.code = code;
        this.words = words;
    }

    /** The name in the governance file and on the command line: {@code analytics-only}. */
    @JsonValue
    public String code() {
        return code;
    }

    /** As a person reads it: "analytics only". */
    public String words() {
        return words;
    }

    /** From its code, its words or its enum name, any case; a clear message naming the choices otherwise. */
    @JsonCreator
    public static Classification parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        return Arrays.stream(values()).filter(c -> c.code.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown classification '" + text + "': use one of "
                        + Arrays.stream(values()).map(Classification::code).collect(Collectors.joining(", "))));
    }
}
