package io.feedlens.lineage.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One place in a record that a lineage fact is read from, in terms a masking rule can be checked against: a header
 * by name, a path into the value, or the record's Kafka timestamp (which no masking rule names).
 *
 * @param header the header's name, for {@link Kind#HEADER}
 * @param path   the JSON pointer's tokens, for {@link Kind#VALUE}; {@link #ANY_ELEMENT} stands for "each element" of
 *               an array (a decision's used list), since which element a fact came from is not kept
 */
public record FactPlace(Kind kind, String header, List<String> path) {

    /** In {@link #path}: any element of the array at that point. */
    public static final String ANY_ELEMENT = "\u0000each element";

    public enum Kind { HEADER, VALUE, TIMESTAMP }

    public FactPlace {
        Objects.requireNonNull(kind, "kind");
        path = path == null ? List.of() : List.copyOf(path);
    }

    static FactPlace header(String name) {
        return new FactPlace(Kind.HEADER, name, List.of());
    }

    static FactPlace timestamp() {
        return new FactPlace(Kind.TIMESTAMP, null, List.of());
    }

    /** The tokens of an RFC 6901 pointer ({@code /meta/view} → meta, view), with ~1 and ~0 read back to / and ~. */
    static FactPlace pointer(String pointer) {
        List<String> tokens = new ArrayList<>();
        if (!pointer.isEmpty()) {
            for (String token : pointer.substring(1).split("/", -1)) {
                tokens.add(token.replace("~1", "/").replace("~0", "~"));
            }
        }
        return new FactPlace(Kind.VALUE, null, tokens);
    }

    /** This place (a path into one element) inside each element of the array at {@code array}. */
    public FactPlace inEachElementOf(FactPlace array) {
        if (kind != Kind.VALUE || array.kind != Kind.VALUE) {
            return this;
        }
        List<String> whole = new ArrayList<>(array.path);
        whole.add(ANY_ELEMENT);
        whole.addAll(path);
        return new FactPlace(Kind.VALUE, null, whole);
    }
}
