package io.feedlens.app.decode;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * One key or value as FeedLens understood it: the format used, the content as a JSON tree (the one form that the
 * browser, the search, the lineage indexer and the report all read), the schema where there is one, and — when
 * it fell back or something is off — the reason, in words ({@code problem} is null when it decoded as what it
 * claimed to be).
 *
 * <p>An Avro payload's tree is built on first use: a search that reads one field, or a scan that only counts,
 * then pays for Avro's own reading and not for a tree nobody looks at. Safe to share between threads.
 */
public final class Decoded {

    private final Format format;
    private final SchemaRef schema;
    private final String problem;
    private final int size;
    private volatile JsonNode tree;
    private Supplier<JsonNode> pendingTree;
    /** Builds the tree of some top-level fields only, while the whole tree is pending (an Avro record); else null. */
    private Function<Set<String>, JsonNode> pendingFields;

    public Decoded(Format format, JsonNode tree, SchemaRef schema, String problem, int size) {
        this.format = Objects.requireNonNull(format, "format");
        this.tree = Objects.requireNonNull(tree, "tree");
        this.schema = schema;
        this.problem = problem;
        this.size = size;
    }

    private Decoded(Format format, Supplier<JsonNode> pendingTree, Function<Set<String>, JsonNode> pendingFields,
                    SchemaRef schema, String problem, int size) {
        this.format = format;
        this.pendingTree = pendingTree;
        this.pendingFields = pendingFields;
        this.schema = schema;
        this.problem = problem;
        this.size = size;
    }

    public static Decoded absent() {
        return new Decoded(Format.NULL, NullNode.getInstance(), null, null, 0);
    }

    public static Decoded of(Format format, JsonNode tree, SchemaRef schema, int size) {
        return new Decoded(format, tree, schema, null, size);
    }

    /**
     * A payload that decoded; its tree is made when first asked for, by {@code fieldsTree} given null (the whole
     * tree) or a set of top-level field names ({@link #treeOf}). It must not throw.
     */
    static Decoded withTreeOnDemand(Format format, Function<Set<String>, JsonNode> fieldsTree, SchemaRef schema, int size) {
        return new Decoded(format, () -> fieldsTree.apply(null), fieldsTree, schema, null, size);
    }

    public Format format() {
        return format;
    }

    public JsonNode tree() {
        JsonNode built = tree;
        if (built == null) {
            synchronized (this) {
                if (tree == null) {
                    tree = buildPendingTree();
                    pendingTree = null;
                    pendingFields = null;
                }
                built = tree;
            }
        }
        return built;
    }

    /**
     * A tree that holds at least the top-level {@code fields} of this payload, for a reader that looks at no others
     * (the lineage indexer). While an Avro record's tree is still pending only those fields are built, and nothing is
     * kept: a feature record's times then are not turned into text nobody reads. Otherwise the whole tree.
     */
    public JsonNode treeOf(Set<String> fields) {
        Function<Set<String>, JsonNode> partial;
        synchronized (this) {
            partial = tree == null ? pendingFields : null;
        }
        return partial == null ? tree() : buildSafely(() -> partial.apply(fields));
    }

    private JsonNode buildPendingTree() {
        return buildSafely(pendingTree);
    }

    private static JsonNode buildSafely(Supplier<JsonNode> build) {
        try {
            return build.get();
        } catch (RuntimeException e) {
            // The payload did decode; only showing a value failed (e.g. a time-of-day out of range). Say so in place.
            return TextNode.valueOf("(could not be shown: " + e.getMessage() + ")");
        }
    }

    /**
     * This payload with its tree passed through {@code change} (on first use, like an Avro tree) and {@code problem}
     * as its reason: same format, schema and size. How masking rewrites what is shown without decoding anything twice.
     */
    public Decoded withTree(java.util.function.UnaryOperator<JsonNode> change, String problem) {
        return new Decoded(format, () -> change.apply(tree()), null, schema, problem, size);
    }

    public SchemaRef schema() {
        return schema;
    }

    public String problem() {
        return problem;
    }

    public int size() {
        return size;
    }

    public boolean ok() {
        return problem == null;
    }

    /** A short line for a table cell: the content, compact, cut at {@code max} characters. */
    public String preview(int max) {
        JsonNode content = tree();
        String text = content.isTextual() ? content.textValue() : content.toString();
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Decoded that && format == that.format && size == that.size
                && Objects.equals(schema, that.schema) && Objects.equals(problem, that.problem) && tree().equals(that.tree());
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, schema, problem, size);
    }

    @Override
    public String toString() {
        return "Decoded[" + format.label() + (schema == null ? "" : ", " + schema) + (problem == null ? "" : ", " + problem)
                + ", " + size + " bytes]";
    }
}
