package io.feedlens.app.decode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.feedlens.lineage.RecordCoordinates;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one decoder: turns any key or value into a {@link Decoded}, choosing the format per record unless the
 * topic is pinned to one. It never throws: a payload it cannot read comes back as bytes with the reason,
 * so one bad record never stops a scan, an index run or a screen. Thread-safe; share one per cluster.
 *
 * <p>Detection order, first match wins: tombstone; a schema-id header; registry framing (magic byte 0);
 * single-object framing (C3 01); plain Avro configured for the topic; JSON; UTF-8 text and UUIDs;
 * 4- and 8-byte numbers; bytes.
 */
public final class RecordDecoder {

    public static final String VALUE_SCHEMA_ID_HEADER = "__value_schema_id";
    public static final String KEY_SCHEMA_ID_HEADER = "__key_schema_id";

    private static final Logger log = LoggerFactory.getLogger(RecordDecoder.class);
    private static final HeaderName VALUE_SCHEMA_ID = new HeaderName(VALUE_SCHEMA_ID_HEADER);
    private static final HeaderName KEY_SCHEMA_ID = new HeaderName(KEY_SCHEMA_ID_HEADER);

    private final DecoderSettings settings;
    private final AvroPayloads avro;
    private final ValueMask mask;

    public RecordDecoder(DecoderSettings settings) {
        this(settings, new AvroPayloads(), ValueMask.NONE);
    }

    private RecordDecoder(DecoderSettings settings, AvroPayloads avro, ValueMask mask) {
        this.settings = settings;
        this.avro = avro;
        this.mask = mask;
    }

    /**
     * This decoder, masking what it hands out by {@code mask} (decision 18: every key and value a person sees comes
     * through a decoder, so this is the one place masking happens). Shares the schema caches.
     */
    public RecordDecoder masking(ValueMask mask) {
        return new RecordDecoder(settings, avro, mask);
    }

    /** This decoder without masking: for the lineage indexer, which must read ids that a rule may hide from people. */
    public RecordDecoder unmasked() {
        return mask == ValueMask.NONE ? this : new RecordDecoder(settings, avro, ValueMask.NONE);
    }

    /** Whether masking rules read this topic: then its raw bytes (hex, base64) must not be shown either. */
    public boolean masks(String topic) {
        return mask.covers(topic);
    }

    public DecoderSettings settings() {
        return settings;
    }

    /** The Avro schema a {@link SchemaRef} names, as this decoder would find it; empty when it cannot be had. */
    public Optional<Schema> schemaFor(SchemaRef ref) {
        try {
            return switch (ref.kind()) {
                case REGISTRY_ID -> settings.registry() == null ? Optional.empty()
                        : Optional.of(settings.registry().schemaById(Integer.parseInt(ref.id())));
                case FINGERPRINT -> settings.localSchemas().byFingerprint(Long.parseUnsignedLong(ref.id(), 16));
                case CONFIGURED -> Stream.concat(settings.keys().values().stream(), settings.values().values().stream())
                        .map(TopicDecoding::writerSchema)
                        .filter(schema -> schema != null && schema.getFullName().equals(ref.id()))
                        .findFirst();
            };
        } catch (SchemaLookupException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public DecodedRecord decode(ConsumerRecord<byte[], byte[]> record) {
        return new DecodedRecord(new RecordCoordinates(record.topic(), record.partition(), record.offset()),
                record.timestamp(), record.timestampType().name,
                decodeKey(record.topic(), record.key(), record.headers()),
                decodeValue(record.topic(), record.value(), record.headers()),
                headers(record.topic(), record.headers()));
    }

    /** A record's headers as they may be shown (masked like keys and values). */
    public List<DecodedHeader> headers(String topic, Headers headers) {
        List<DecodedHeader> all = new ArrayList<>();
        for (Header header : headers) {
            all.add(new DecodedHeader(header.key(), header.value()));
        }
        return mask.headers(topic, all);
    }

    public Decoded decodeValue(String topic, byte[] bytes, Headers headers) {
        return decodeSafely(topic, false, bytes, headers);
    }

    public Decoded decodeKey(String topic, byte[] bytes, Headers headers) {
        return decodeSafely(topic, true, bytes, headers);
    }

    public Decoded decodeValue(String topic, byte[] bytes) {
        return decodeValue(topic, bytes, new RecordHeaders());
    }

    /**
     * The value as a filter that reads only {@code fields} of it needs it: when the value is a JSON object taken by the
     * same route {@link #decodeValue} would take, a {@link Format#JSON} result whose tree holds just those top-level
     * fields (the whole document is still checked to be valid JSON, so {@code ok()} is what the full decode says).
     * Null when that is not certain — other formats, broken JSON — and the caller should decode in full (null rather
     * than an Optional: this runs once per record of a search). Null too where masking rules cover the topic: a filter
     * must see the masked value, as a person does, and masking works on the whole decoded tree.
     */
    public Decoded decodeValueFields(String topic, byte[] bytes, Headers headers, Set<String> fields) {
        if (bytes == null || bytes.length > Math.min(settings.maxDecodeBytes(), DecoderSettings.DEFAULT_MAX_DECODE_BYTES)
                || !TextPayloads.opensObject(bytes) || mask.covers(topic)) {
            return null;
        }
        TopicDecoding chosen = settings.forTopic(topic, false);
        boolean automaticJson = chosen.format() == null && chosen.writerSchema() == null && schemaIdHeader(headers, false) == null;
        if (chosen.format() != Format.JSON && !automaticJson) {
            return null;
        }
        try {
            return Decoded.of(Format.JSON, TextPayloads.jsonFields(bytes, fields), null, bytes.length);
        } catch (Exception | StackOverflowError e) {
            return null;
        }
    }

    /** The safety net: whatever a library throws on hostile bytes becomes a reason, never an exception. */
    private Decoded decodeSafely(String topic, boolean key, byte[] bytes, Headers headers) {
        return mask.apply(topic, key, decodeUnmasked(topic, key, bytes, headers));
    }

    private Decoded decodeUnmasked(String topic, boolean key, byte[] bytes, Headers headers) {
        try {
            return decode(topic, key, bytes, headers);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            log.debug("Decoding a {} of {} failed unexpectedly", key ? "key" : "value", topic, e);
            return Fallback.bytes(bytes == null ? new byte[0] : bytes,
                    "Could not be decoded: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private Decoded decode(String topic, boolean key, byte[] bytes, Headers headers) {
        if (bytes == null) {
            return Decoded.absent();
        }
        if (bytes.length > settings.maxDecodeBytes()) {
            return Fallback.bytes(bytes, "At " + megabytes(bytes.length) + " it is over the "
                    + megabytes(settings.maxDecodeBytes()) + " decode limit: showing the first bytes only");
        }
        TopicDecoding chosen = settings.forTopic(topic, key);
        if (chosen.format() != null) {
            return pinned(chosen, bytes, headers, key);
        }
        Integer headerSchemaId = schemaIdHeader(headers, key);
        if (headerSchemaId != null) {
            return registryAvro(headerSchemaId, bytes, 0, chosen.readerSchema(), Format.AVRO_PLAIN);
        }
        if (AvroPayloads.looksLikeRegistryFraming(bytes)) {
            return registryFramed(bytes, chosen.readerSchema());
        }
        if (looksLikeSingleObject(bytes)) {
            return singleObject(bytes, chosen.readerSchema());
        }
        if (chosen.writerSchema() != null) {
            return plainAvro(chosen.writerSchema(), bytes, chosen.readerSchema());
        }
        return textOrNumberOrBytes(bytes);
    }

    /**
     * C3 also starts UTF-8 text ("Ã…"), so only bytes that are not text count. C3 01 never is (C3 needs a continuation
     * byte 80–BF after it), which spares every real single-object record a full UTF-8 pass that ends in an exception.
     */
    private static boolean looksLikeSingleObject(byte[] bytes) {
        return bytes.length >= 2 && bytes[0] == AvroPayloads.SINGLE_OBJECT_MARKER
                && (bytes[1] == AvroPayloads.SINGLE_OBJECT_VERSION || Utf8.decodeStrict(bytes) == null);
    }

    private Decoded pinned(TopicDecoding chosen, byte[] bytes, Headers headers, boolean key) {
        Decoded decoded = switch (chosen.format()) {
            case AVRO_REGISTRY -> AvroPayloads.looksLikeRegistryFraming(bytes)
                    ? registryFramed(bytes, chosen.readerSchema())
                    : Fallback.bytes(bytes, "Does not start with the registry's magic byte 0");
            case AVRO_SINGLE_OBJECT -> singleObject(bytes, chosen.readerSchema());
            case AVRO_PLAIN -> chosen.writerSchema() != null
                    ? plainAvro(chosen.writerSchema(), bytes, chosen.readerSchema())
                    : headerOrMissingSchema(bytes, headers, key, chosen.readerSchema());
            case INT, LONG, DOUBLE -> bytes.length == TextPayloads.widthOf(chosen.format())
                    ? TextPayloads.number(chosen.format(), bytes)
                    : Fallback.bytes(bytes, "A " + chosen.format().label() + " has " + TextPayloads.widthOf(chosen.format())
                            + " bytes, this payload has " + bytes.length);
            case JSON -> json(bytes);
            case TEXT, UUID -> text(bytes);
            case BYTES, NULL -> Fallback.bytes(bytes, null);
        };
        if (decoded.format() != chosen.format() && decoded.format() == Format.BYTES && decoded.problem() != null) {
            return new Decoded(Format.BYTES, decoded.tree(), decoded.schema(),
                    "The topic is set to " + chosen.format().label() + ", but: " + decoded.problem(), decoded.size());
        }
        return decoded;
    }

    private Decoded headerOrMissingSchema(byte[] bytes, Headers headers, boolean key, Schema reader) {
        Integer id = schemaIdHeader(headers, key);
        return id == null
                ? Fallback.bytes(bytes, "No schema is configured for plain Avro on this topic, and the record has no schema-id header")
                : registryAvro(id, bytes, 0, reader, Format.AVRO_PLAIN);
    }

    private Decoded registryFramed(byte[] bytes, Schema reader) {
        int id = AvroPayloads.registrySchemaId(bytes);
        if (settings.registry() == null) {
            if (bytes.length == 8) {
                return TextPayloads.number(Format.LONG, bytes);
            }
            return Fallback.bytes(bytes, "Looks like the Schema Registry format (magic byte 0, schema id " + id
                    + "), but no schema registry is configured for this cluster");
        }
        return registryAvro(id, bytes, AvroPayloads.REGISTRY_HEADER, reader, Format.AVRO_REGISTRY);
    }

    private Decoded registryAvro(int id, byte[] bytes, int offset, Schema reader, Format format) {
        if (settings.registry() == null) {
            return Fallback.bytes(bytes, "The record names schema id " + id + ", but no schema registry is configured");
        }
        Schema writer;
        try {
            writer = settings.registry().schemaById(id);
        } catch (SchemaLookupException e) {
            return Fallback.bytes(bytes, e.getMessage());
        }
        return avro(format, SchemaRef.registryId(id, writer.getFullName()), writer, bytes, offset, reader);
    }

    private Decoded singleObject(byte[] bytes, Schema reader) {
        if (bytes.length < AvroPayloads.SINGLE_OBJECT_HEADER || bytes[1] != AvroPayloads.SINGLE_OBJECT_VERSION) {
            String second = bytes.length < 2 ? "missing" : String.format("0x%02x", bytes[1]);
            return Fallback.bytes(bytes, bytes.length >= 2 && bytes[1] != AvroPayloads.SINGLE_OBJECT_VERSION
                    ? "Starts like Avro single-object encoding (C3), but the second magic byte is " + second + " instead of 0x01"
                    : "Starts like Avro single-object encoding, but is shorter than its 10-byte header");
        }
        long fingerprint = AvroPayloads.singleObjectFingerprint(bytes);
        LocalSchemas.Known writer = settings.localSchemas().known(fingerprint);
        if (writer == null) {
            return Fallback.bytes(bytes, "Avro single-object record with fingerprint " + SchemaRef.hexFingerprint(fingerprint)
                    + ", but no local schema has that fingerprint (" + settings.localSchemas().size() + " local schemas known)");
        }
        return avro(Format.AVRO_SINGLE_OBJECT, writer.reference(), writer.schema(), bytes, AvroPayloads.SINGLE_OBJECT_HEADER, reader);
    }

    private Decoded plainAvro(Schema writer, byte[] bytes, Schema reader) {
        return avro(Format.AVRO_PLAIN, SchemaRef.configured(writer.getFullName()), writer, bytes, 0, reader);
    }

    private Decoded avro(Format format, SchemaRef ref, Schema writer, byte[] bytes, int offset, Schema reader) {
        try {
            Object datum = avro.read(bytes, offset, writer, reader);
            Schema shape = reader == null ? writer : reader;
            return Decoded.withTreeOnDemand(format, fields -> AvroJson.toTree(shape, datum, fields), ref, bytes.length);
        } catch (java.io.EOFException e) {
            return Fallback.bytes(bytes, "Avro payload for " + ref + " is truncated: it ends before the record does");
        } catch (Exception e) {
            return Fallback.bytes(bytes, "Avro payload for " + ref + " could not be read: " + e.getMessage());
        }
    }

    private Decoded textOrNumberOrBytes(byte[] bytes) {
        if (TextPayloads.mayBeJson(bytes)) {
            Decoded json = json(bytes);
            if (json.ok() || TextPayloads.claimsToBeJson(bytes)) {
                return json;
            }
        }
        String text = Utf8.decodeStrict(bytes);
        if (text != null && Utf8.isPrintable(text)) {
            return TextPayloads.text(text, bytes.length);
        }
        if (bytes.length == 4) {
            return TextPayloads.number(Format.INT, bytes);
        }
        if (bytes.length == 8) {
            return TextPayloads.number(Format.LONG, bytes);
        }
        int invalid = Utf8.firstInvalidByte(bytes);
        return Fallback.bytes(bytes, "Not JSON, text, a number or a known Avro framing"
                + (invalid >= 0 ? " (invalid UTF-8 at byte " + invalid + ")" : " (contains control characters)"));
    }

    /** JSON; broken JSON keeps its text and says where it breaks. */
    private static Decoded json(byte[] bytes) {
        try {
            return Decoded.of(Format.JSON, TextPayloads.json(bytes), null, bytes.length);
        } catch (java.io.IOException e) {
            String text = Utf8.decodeStrict(bytes);
            String problem = TextPayloads.jsonProblem(e);
            return text == null ? Fallback.bytes(bytes, problem)
                    : new Decoded(Format.TEXT, com.fasterxml.jackson.databind.node.TextNode.valueOf(text), null, problem, bytes.length);
        }
    }

    private static Decoded text(byte[] bytes) {
        String text = Utf8.decodeStrict(bytes);
        return text == null
                ? Fallback.bytes(bytes, "Not valid UTF-8: the first bad byte is at " + Utf8.firstInvalidByte(bytes))
                : TextPayloads.text(text, bytes.length);
    }

    /** A schema id a producer put in a header: 4 bytes big-endian, or the id as text. */
    private static Integer schemaIdHeader(Headers headers, boolean key) {
        Header header = (key ? KEY_SCHEMA_ID : VALUE_SCHEMA_ID).lastIn(headers);
        if (header == null || header.value() == null) {
            return null;
        }
        byte[] value = header.value();
        if (value.length == 4) {
            return ByteBuffer.wrap(value).getInt();
        }
        try {
            return Integer.parseInt(new String(value, StandardCharsets.UTF_8).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1_048_576.0);
    }
}
