package io.feedlens.lineage.extract;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Where a record keeps one lineage fact, as a profile file writes it: {@code header:NAME}, a JSON pointer into the
 * decoded value ({@code /meta/view}), or {@code timestamp} (the record's Kafka timestamp). A list of them is tried in
 * order and the first one present wins, which is how the convention says "ce_time, else the record's timestamp".
 * Parsed once when the profile is read, so extraction never compiles a pointer per record.
 */
public final class FactSource {

    static final String HEADER_PREFIX = "header:";
    static final String TIMESTAMP = "timestamp";

    private final List<String> written;
    /** An array, not a list: {@link #read} and {@link #text} walk it for every fact of every indexed record. */
    private final Location[] locations;

    private FactSource(List<String> written) {
        if (written.isEmpty()) {
            throw new IllegalArgumentException("an empty list names no place to read the fact from");
        }
        this.written = List.copyOf(written);
        this.locations = written.stream().map(FactSource::location).toArray(Location[]::new);
    }

    public static FactSource of(String... written) {
        return new FactSource(List.of(written));
    }

    @JsonCreator
    static FactSource fromJson(Object written) {
        if (written instanceof String text) {
            return of(text);
        }
        if (written instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return new FactSource(list.stream().map(String.class::cast).toList());
        }
        throw new IllegalArgumentException("expected \"header:NAME\", \"/json/pointer\", \"timestamp\" or a list of them");
    }

    /** One place as written, or the list when there are several, so an exported file reads like the one imported. */
    @JsonValue
    Object toJson() {
        return written.size() == 1 ? written.get(0) : written;
    }

    /** Every place this fact may be read from, in the order tried: what a masking rule is checked against. */
    public List<FactPlace> places() {
        return Arrays.stream(locations).map(Location::place).toList();
    }

    /** Adds the top-level fields of the value that this fact's pointers start at: what a decoder must build for it. */
    void addValueFields(Set<String> fields) {
        for (Location location : locations) {
            if (location.kind == Kind.VALUE) {
                fields.add(location.pointer.getMatchingProperty());
            }
        }
    }

    /** True when every place is a JSON pointer: fields of a used entry have no headers or timestamp of their own. */
    boolean onlyPointers() {
        return Arrays.stream(locations).allMatch(location -> location.kind == Kind.VALUE);
    }

    private static Location location(String text) {
        Objects.requireNonNull(text, "a fact's place");
        if (text.equals(TIMESTAMP)) {
            return new Location(Kind.TIMESTAMP, null, null);
        }
        if (text.startsWith(HEADER_PREFIX)) {
            String name = text.substring(HEADER_PREFIX.length());
            if (name.isBlank()) {
                throw new IllegalArgumentException("'" + text + "' names no header; write header:NAME, e.g. header:x-event-id");
            }
            return new Location(Kind.HEADER, name, null);
        }
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("'" + text + "' is not a JSON pointer (those start with '/', e.g. /meta/view), "
                    + "nor header:NAME, nor timestamp");
        }
        // Jackson reads a stray '~' as itself; RFC 6901 allows only ~0 ('~') and ~1 ('/'), and a typo there is a wrong path.
        if (!text.replace("~0", "").replace("~1", "").contains("~")) {
            return new Location(Kind.VALUE, text, JsonPointer.compile(text));
        }
        throw new IllegalArgumentException("'" + text + "' is not a valid JSON pointer: RFC 6901 writes '~' as ~0 and '/' as ~1,"
                + " and allows no other '~'");
    }

    /** The first place present in {@code record} (headers as text, the timestamp as epoch millis), or null. */
    JsonNode read(RecordView record) {
        return read(record, record.value());
    }

    /** As {@link #read(RecordView)}, with pointers applied to {@code tree} (a used entry rather than the whole value). */
    JsonNode read(RecordView record, JsonNode tree) {
        for (Location location : locations) {
            JsonNode found = location.read(record, tree);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The first place present, as text; headers are returned as they are, without a JSON node in between. */
    String text(RecordView record) {
        for (Location location : locations) {
            String text = location.kind == Kind.HEADER ? record.header(location.text) : textOf(location.read(record, record.value()));
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /** Text, or null for an absent or blank field; numbers give their decimal text. */
    static String textOf(JsonNode node) {
        if (node == null || !node.isValueNode()) {
            return null;
        }
        String text = node.asText();
        return text.isBlank() ? null : text;
    }

    String required(RecordView record, String fact) {
        String text = text(record);
        if (text == null) {
            throw new FactExtractor.MissingFact("no " + describe() + " (" + fact + ")");
        }
        return text;
    }

    /** RFC 3339 text, or epoch millis as a number or digits: the two ways feeds write times. */
    static Instant instantOf(JsonNode node) {
        if (node.isIntegralNumber()) {
            return Instant.ofEpochMilli(node.asLong());
        }
        String text = node.asText().trim();
        if (allDigits(text)) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        Instant common = Rfc3339.commonShape(text);
        if (common != null) {
            return common;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new FactExtractor.MissingFact("not an RFC 3339 time: '" + text + "'");
        }
    }

    /** Epoch millis written as text; a loop, not a stream: this runs for every indexed record. */
    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    /** The whole number read from {@code where}; {@code where} is described only in a skip's reason, not per record. */
    static int wholeNumber(String text, FactSource where) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new FactExtractor.MissingFact(where.describe() + " is not a whole number: '" + text + "'");
        }
    }

    /** How a skip reason names this place: "ce_id header", "value at /meta/view", or several joined by "or". */
    String describe() {
        return Arrays.stream(locations).map(Location::describe).collect(Collectors.joining(" or "));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FactSource source && source.written.equals(written);
    }

    @Override
    public int hashCode() {
        return written.hashCode();
    }

    @Override
    public String toString() {
        return String.join(", ", written);
    }

    private enum Kind { HEADER, VALUE, TIMESTAMP }

    private record Location(Kind kind, String text, JsonPointer pointer) {

        JsonNode read(RecordView record, JsonNode tree) {
            switch (kind) {
                case HEADER:
                    String header = record.header(text);
                    return header == null ? null : TextNode.valueOf(header);
                case TIMESTAMP:
                    return LongNode.valueOf(record.timestamp());
                default:
                    JsonNode node = tree == null ? null : tree.at(pointer);
                    return node == null || node.isMissingNode() || node.isNull() ? null : node;
            }
        }

        FactPlace place() {
            switch (kind) {
                case HEADER:
                    return FactPlace.header(text);
                case TIMESTAMP:
                    return FactPlace.timestamp();
                default:
                    return FactPlace.pointer(text);
            }
        }

        String describe() {
            switch (kind) {
                case HEADER:
                    return text + " header";
                case TIMESTAMP:
                    return "record timestamp";
                default:
                    return "value at " + text;
            }
        }
    }
}
