package io.feedlens.app.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * One key or value as FeedLens understood it: the format used, the content as a JSON tree (the one form that the
 * browser, the search, the lineage indexer and the report all read), the schema where there is one, and — when
 * it fell back or something is off — the reason, in words.
 *
 * @param problem null when the payload decoded as what it claimed to be; otherwise why it did not
 */
public record Decoded(Format format, JsonNode tree, SchemaRef schema, String problem, int size) {

    public static Decoded absent() {
        return new Decoded(Format.NULL, NullNode.getInstance(), null, null, 0);
    }

    public static Decoded of(Format format, JsonNode tree, SchemaRef schema, int size) {
        return new Decoded(format, tree, schema, null, size);
    }

    public boolean ok() {
        return problem == null;
    }

    /** A short line for a table cell: the content, compact, cut at {@code max} characters. */
    public String preview(int max) {
        String text = tree.isTextual() ? tree.textValue() : tree.toString();
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
    }
}
