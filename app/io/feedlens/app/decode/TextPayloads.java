package io.feedlens.app.decode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

    /** Reads one value in the middle of a document, where the mapper's trailing-token check would fire. */
    private static final ObjectReader FIELD = JSON.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).forType(JsonNode.class);

    private TextPayloads() {
    }

    /** Whether the first non-blank byte could open a JSON document. Numbers and literals count: {@code 42} is JSON. */
    static boolean mayBeJson(byte[] bytes) {
        int b = firstNonBlank(bytes);
        return b == '{' || b == '[' || b == '"' || b == '-' || (b >= '0' && b <= '9') || b == 't' || b == 'f' || b == 'n';
    }

    /** Whether it opens an object or array: then a parse error means broken JSON, not plain text. */
    static boolean claimsToBeJson(byte[] bytes) {
        int b = firstNonBlank(bytes);
        return b == '{' || b == '[';
    }

    static boolean opensObject(byte[] bytes) {
        return firstNonBlank(bytes) == '{';
    }

    /** The first byte that is not JSON whitespace, or -1. */
    private static int firstNonBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b;
            }
        }
        return -1;
    }

    static JsonNode json(byte[] bytes) throws IOException {
        return JSON.readTree(bytes);
    }

    /**
     * Only the named top-level fields of a JSON object, read with the same mapper as {@link #json} (so the same node
     * types), while the rest of the document is tokenised and skipped: that still checks it is valid JSON, without
     * building nodes and strings nobody reads. Throws on anything {@link #json} would refuse, and on a root that is
     * not an object.
     */
    static ObjectNode jsonFields(byte[] bytes, Set<String> fields) throws IOException {
        try (JsonParser parser = JSON.getFactory().createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("Not a JSON object");
            }
            ObjectNode object = NODES.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (fields.contains(name)) {
                    // Last one wins for a repeated name, as in readTree.
                    object.replace(name, FIELD.readTree(parser));
                } else {
                    skipValue(parser);
                }
            }
            if (parser.nextToken() != null) {
                throw new IOException("Trailing tokens after the object");
            }
            return object;
        }
    }

    /**
     * Steps over the value the parser is on. Like {@code skipChildren}, but decimals are still converted, as
     * {@link #json} converts them (to BigDecimal), so an exponent out of range fails here too.
     */
    private static void skipValue(JsonParser parser) throws IOException {
        int depth = 0;
        JsonToken token = parser.currentToken();
        while (token != null) {
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                depth++;
            } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                depth--;
            } else if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                parser.getDecimalValue();
            }
            if (depth == 0) {
                return;
            }
            token = parser.nextToken();
        }
        throw new IOException("The document ends inside a value");
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
