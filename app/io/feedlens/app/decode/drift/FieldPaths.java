package io.feedlens.app.decode.drift;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;

/**
 * A schema's shape as field paths with their types ({@code used[].version → number}), for JSON records and Avro
 * schemas alike, so a change can be said in the same words for both: fields added, removed, or changed type.
 */
final class FieldPaths {

    /** Beyond this a record is not "a schema" but a bag of keys; the shape is cut to keep drift reports readable. */
    static final int MAX_PATHS = 300;

    private FieldPaths() {
    }

    /** The leaves of a JSON record. Null values say nothing about a field's type and are left out. */
    static Map<String, String> ofJson(JsonNode tree) {
        Map<String, String> paths = new TreeMap<>();
        walkJson("", tree, paths);
        return paths;
    }

    private static void walkJson(String path, JsonNode node, Map<String, String> paths) {
        if (paths.size() >= MAX_PATHS || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            if (node.isEmpty()) {
                paths.put(path.isEmpty() ? "$" : path, "object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                walkJson(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), paths);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                paths.putIfAbsent(path + "[]", "array");
            }
            for (JsonNode item : node) {
                walkJson(path + "[]", item, paths);
            }
        } else {
            paths.put(path.isEmpty() ? "$" : path, node.isNumber() ? "number" : node.isBoolean() ? "boolean" : "string");
        }
    }

    /** The fields an Avro schema declares, with Avro's type names (logical types by their logical name). */
    static Map<String, String> ofAvro(Schema schema) {
        Map<String, String> paths = new TreeMap<>();
        walkAvro("", schema, paths, 0);
        return paths;
    }

    private static void walkAvro(String path, Schema schema, Map<String, String> paths, int depth) {
        if (paths.size() >= MAX_PATHS || depth > 32) {
            return;
        }
        switch (schema.getType()) {
            case RECORD -> schema.getFields().forEach(field ->
                    walkAvro(path.isEmpty() ? field.name() : path + "." + field.name(), field.schema(), paths, depth + 1));
            case ARRAY -> walkAvro(path + "[]", schema.getElementType(), paths, depth + 1);
            case MAP -> walkAvro(path + ".*", schema.getValueType(), paths, depth + 1);
            case UNION -> {
                Schema single = onlyNonNull(schema);
                if (single != null && single.getType() == Schema.Type.RECORD) {
                    walkAvro(path, single, paths, depth + 1);
                } else {
                    paths.put(path, schema.getTypes().stream().map(FieldPaths::typeName).reduce((a, b) -> a + "|" + b).orElse("union"));
                }
            }
            default -> paths.put(path.isEmpty() ? "$" : path, typeName(schema));
        }
    }

    private static Schema onlyNonNull(Schema union) {
        var branches = union.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
        return branches.size() == 1 ? branches.get(0) : null;
    }

    private static String typeName(Schema schema) {
        if (schema.getLogicalType() != null) {
            return schema.getLogicalType().getName();
        }
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> schema.getType().getName() + " " + schema.getName();
            default -> schema.getType().getName();
        };
    }
}
