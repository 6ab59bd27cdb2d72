package io.feedlens.app.governance;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a masking rule does to the values it matches. */
public enum MaskAction {
    /** Replaced by {@link Masking#MASKED}: the field is still there, its value is not. */
    MASK,
    /** Replaced by a keyed digest: equal values stay equal (one can still group and join on them), the value is not shown. */
    HASH,
    /** Left out, as if the record never had it. */
    REMOVE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static MaskAction parse(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown masking action '" + text + "': use one of "
                        + Arrays.stream(values()).map(MaskAction::code).collect(Collectors.joining(", "))));
    }
}
