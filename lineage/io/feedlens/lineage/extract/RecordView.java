package io.feedlens.lineage.extract;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedlens.lineage.RecordCoordinates;

/**
 * The neutral view of one decoded Kafka record that extraction reads: the app fills it from its consumer and decoder,
 * so this layer needs no Kafka client.
 *
 * @param headers      header values as UTF-8 text; the last one wins when a key repeats
 * @param value        the decoded value as a JSON tree
 * @param valueProblem why the value did not decode, or null when it did
 * @param valueBytes   the raw value bytes, hashed for the content hash (may be empty)
 */
public record RecordView(RecordCoordinates coordinates, long timestamp, Map<String, String> headers, JsonNode value,
                         String valueProblem, byte[] valueBytes) {

    public String header(String name) {
        String text = headers.get(name);
        return text == null || text.isBlank() ? null : text;
    }
}
