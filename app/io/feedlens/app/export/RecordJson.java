package io.feedlens.app.export;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedlens.app.decode.Decoded;
import io.feedlens.app.decode.DecodedHeader;
import io.feedlens.app.decode.DecodedRecord;

/**
 * A decoded record as one JSON object: coordinates, time, key and value as decoded trees with their formats,
 * schemas and problems, and headers as text. The one shape of JSON Lines exports and {@code search --json}.
 */
public final class RecordJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordJson() {
    }

    public static ObjectNode of(DecodedRecord record) {
        ObjectNode node = JSON.createObjectNode();
        node.put("topic", record.coordinates().topic());
        node.put("partition", record.coordinates().partition());
        node.put("offset", record.coordinates().offset());
        node.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
        node.put("timestampType", record.timestampType());
        put(node, "key", record.key());
        put(node, "value", record.value());
        ObjectNode headers = node.putObject("headers");
        for (DecodedHeader header : record.headers()) {
            headers.put(header.key(), header.text());
        }
        return node;
    }

    public static String line(DecodedRecord record) {
        try {
            return JSON.writeValueAsString(of(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A decoded tree could not be written as JSON", e);
        }
    }

    private static void put(ObjectNode node, String side, Decoded decoded) {
        node.set(side, decoded.tree());
        node.put(side + "Format", decoded.format().label());
        if (decoded.schema() != null) {
            node.put(side + "Schema", decoded.schema().toString());
        }
        if (decoded.problem() != null) {
            node.put(side + "Problem", decoded.problem());
        }
    }
}
