package io.feedlens.app.decode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** JSON, UTF-8 text, UUIDs and Kafka's number serializations (big-endian, as its serializers write them). */
final class TextPayloads {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    static {
        // Values of tens of megabytes are real (issue: a 20 MB value); Jackson's default caps a string at 20 M chars.
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(DecoderSettings.DEFAULT_MAX_DECODE_BYTES).build());
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TextPayloads() {
    }

    /** Whether the first non-blank byte could open a JSON document. Numbers and literals count: {@code 42} is JSON. */
    static boolean mayBeJson(byte[] bytes) {
        for (byte b : bytes) {
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                continue;
            }
            return b == '{' || b == '[' || b == '"' || b == '-' || (b >= '0' && b <= '9') || b == 't' || b == 'f' || b == 'n';
        }
        return false;
    }

    /** Whether it opens an object or array: then a parse error means broken JSON, not plain text. */
    static boolean claimsToBeJson(byte[] bytes) {
        for (byte b : bytes) {
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                continue;
            }
            return b == '{' || b == '[';
        }
        return false;
    }

    static JsonNode json(byte[] bytes) throws IOException {
        return JSON.readTree(bytes);
    }

    /** Jackson's message without the source excerpt it appends (which may be megabytes). */
    static String jsonProblem(IOException e) {
        if (e instanceof JsonProcessingException processing) {
            var location = processing.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return "Looks like JSON but is not valid: " + processing.getOriginalMessage() + where;
        }
        return "Looks like JSON but could not be read: " + e.getMessage();
    }

    static Decoded text(String text, int size) {
        if (text.length() == 36 && UUID_TEXT.matcher(text).matches()) {
            return Decoded.of(Format.UUID, NODES.textNode(text.toLowerCase()), null, size);
        }
        return Decoded.of(Format.TEXT, NODES.textNode(text), null, size);
    }

    static Decoded number(Format format, byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        JsonNode node = switch (format) {
            case INT -> NODES.numberNode(buffer.getInt());
            case LONG -> NODES.numberNode(buffer.getLong());
            case DOUBLE -> NODES.numberNode(buffer.getDouble());
            default -> throw new IllegalArgumentException(format + " is not a number format");
        };
        return Decoded.of(format, node, null, bytes.length);
    }

    static int widthOf(Format format) {
        return format == Format.INT ? 4 : 8;
    }
}
