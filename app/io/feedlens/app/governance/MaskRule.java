package io.feedlens.app.governance;

import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One masking rule: on topics matching {@code topics} (a glob: {@code *} any run of characters, {@code ?} one),
 * the parts of the record's {@code part} (key or value) that {@code path} selects are masked, hashed or removed.
 * Checked when made, so a bad rule is refused when it is added or imported rather than when a value is shown.
 */
public record MaskRule(String topics, Part part, String path, MaskAction action) {

    /** Which part of the record a rule reads; for headers, the path names a header ({@code $.ce_subject}) or all ({@code $}). */
    public enum Part {
        KEY, VALUE, HEADER;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Part parse(String text) {
            if ("key".equalsIgnoreCase(text)) {
                return KEY;
            }
            if (text == null || "value".equalsIgnoreCase(text)) {
                return VALUE;
            }
            if ("header".equalsIgnoreCase(text)) {
                return HEADER;
            }
            throw new IllegalArgumentException("Unknown record part '" + text + "': use key, value or header");
        }
    }

    @JsonCreator
    public MaskRule(@JsonProperty("topics") String topics, @JsonProperty("part") Part part,
                    @JsonProperty("path") String path, @JsonProperty("action") MaskAction action) {
        if (topics == null || topics.isBlank()) {
            throw new IllegalArgumentException("A masking rule needs a topic pattern, e.g. payments or features.*");
        }
        if (action == null) {
            throw new IllegalArgumentException("A masking rule needs an action: mask, hash or remove");
        }
        this.topics = topics.strip();
        this.part = part == null ? Part.VALUE : part;
        FieldPath parsed = FieldPath.parse(path);
        if (this.part == Part.HEADER && parsed.steps().size() > 1) {
            throw new IllegalArgumentException("A header rule names one header ($.ce_subject) or all of them ($ or $.*), not " + path);
        }
        this.path = parsed.text();
        this.action = action;
    }

    /** For a header rule: whether it reads the header with this name. */
    public boolean readsHeader(String name) {
        FieldPath parsed = fieldPath();
        if (parsed.wholeRecordPart()) {
            return true;
        }
        FieldPath.Step step = parsed.steps().get(0);
        return step.kind() == FieldPath.Kind.ANY || name.equals(step.name());
    }

    public boolean appliesTo(String topic) {
        return topicPattern().matcher(topic).matches();
    }

    @JsonIgnore
    public FieldPath fieldPath() {
        return FieldPath.parse(path);
    }

    /** "payments* value $.card.number → mask": how the rule reads in a list. */
    public String describe() {
        return topics + "  " + part.code() + "  " + path + "  → " + action.code();
    }

    private Pattern topicPattern() {
        StringBuilder regex = new StringBuilder();
        for (char c : topics.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
