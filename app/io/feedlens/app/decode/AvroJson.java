package io.feedlens.app.decode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;

/**
 * An Avro datum as people read it, in the JSON tree every FeedLens screen shares: timestamps as instants,
 * dates as dates, decimals as numbers, unions as the value of the branch taken (no {"type": …} wrapper),
 * enums as their symbol, fixed as hex, bytes as base64.
 */
final class AvroJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private AvroJson() {
    }

    static JsonNode toTree(Schema schema, Object datum) {
        return switch (schema.getType()) {
            case RECORD -> record(schema, (IndexedRecord) datum);
            case UNION -> toTree(schema.getTypes().get(GenericData.get().resolveUnion(schema, datum)), datum);
            case ARRAY -> array(schema.getElementType(), (Collection<?>) datum);
            case MAP -> map(schema.getValueType(), (Map<?, ?>) datum);
            case ENUM, STRING -> NODES.textNode(datum.toString());
            case FIXED -> fixed(schema, (GenericFixed) datum);
            case BYTES -> bytes(schema, (ByteBuffer) datum);
            case INT -> integer(schema.getLogicalType(), (Integer) datum);
            case LONG -> longValue(schema.getLogicalType(), (Long) datum);
            case FLOAT -> floating(((Float) datum).doubleValue());
            case DOUBLE -> floating((Double) datum);
            case BOOLEAN -> NODES.booleanNode((Boolean) datum);
            case NULL -> NODES.nullNode();
        };
    }

    /** As {@link #toTree(Schema, Object)}, but of a record only the top-level {@code fields} (all of them when null). */
    static JsonNode toTree(Schema schema, Object datum, Set<String> fields) {
        if (fields != null && datum instanceof IndexedRecord record && record.getSchema().getType() == Schema.Type.RECORD) {
            ObjectNode node = NODES.objectNode();
            for (Schema.Field field : record.getSchema().getFields()) {
                if (fields.contains(field.name())) {
                    node.set(field.name(), toTree(field.schema(), record.get(field.pos())));
                }
            }
            return node;
        }
        return toTree(schema, datum);
    }

    private static ObjectNode record(Schema schema, IndexedRecord record) {
        ObjectNode node = NODES.objectNode();
        for (Schema.Field field : schema.getFields()) {
            node.set(field.name(), toTree(field.schema(), record.get(field.pos())));
        }
        return node;
    }

    private static ArrayNode array(Schema elements, Collection<?> items) {
        ArrayNode node = NODES.arrayNode(items.size());
        for (Object item : items) {
            node.add(toTree(elements, item));
        }
        return node;
    }

    private static ObjectNode map(Schema values, Map<?, ?> entries) {
        ObjectNode node = NODES.objectNode();
        entries.forEach((key, value) -> node.set(key.toString(), toTree(values, value)));
        return node;
    }

    private static JsonNode fixed(Schema schema, GenericFixed fixed) {
        if (schema.getLogicalType() instanceof LogicalTypes.Decimal decimal) {
            return NODES.numberNode(new BigDecimal(new BigInteger(fixed.bytes()), decimal.getScale()));
        }
        return NODES.textNode(Hex.of(fixed.bytes(), fixed.bytes().length));
    }

    private static JsonNode bytes(Schema schema, ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        if (schema.getLogicalType() instanceof LogicalTypes.Decimal decimal) {
            return NODES.numberNode(new BigDecimal(new BigInteger(bytes), decimal.getScale()));
        }
        return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
    }

    private static JsonNode integer(LogicalType logical, int value) {
        if (logical instanceof LogicalTypes.Date) {
            return NODES.textNode(LocalDate.ofEpochDay(value).toString());
        }
        if (logical instanceof LogicalTypes.TimeMillis) {
            return NODES.textNode(LocalTime.ofNanoOfDay(value * 1_000_000L).toString());
        }
        return NODES.numberNode(value);
    }

    private static JsonNode longValue(LogicalType logical, long value) {
        if (logical instanceof LogicalTypes.TimestampMillis) {
            return NODES.textNode(Instant.ofEpochMilli(value).toString());
        }
        if (logical instanceof LogicalTypes.TimestampMicros) {
            return NODES.textNode(microsToInstant(value).toString());
        }
        if (logical instanceof LogicalTypes.LocalTimestampMillis) {
            return NODES.textNode(Instant.ofEpochMilli(value).atOffset(ZoneOffset.UTC).toLocalDateTime().toString());
        }
        if (logical instanceof LogicalTypes.LocalTimestampMicros) {
            return NODES.textNode(microsToInstant(value).atOffset(ZoneOffset.UTC).toLocalDateTime().toString());
        }
        if (logical instanceof LogicalTypes.TimeMicros) {
            return NODES.textNode(LocalTime.ofNanoOfDay(value * 1_000L).toString());
        }
        return NODES.numberNode(value);
    }

    private static Instant microsToInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** JSON has no NaN or infinity: those are shown as text rather than dropped. */
    private static JsonNode floating(double value) {
        return Double.isFinite(value) ? NODES.numberNode(value) : NODES.textNode(Double.toString(value));
    }
}
