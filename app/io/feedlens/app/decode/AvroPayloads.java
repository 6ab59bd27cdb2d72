package io.feedlens.app.decode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Reads Avro binary in its three framings. The framing is checked here; what the bytes are worth is
 * decided by {@link RecordDecoder}. Readers are cached per writer/reader schema pair and decoders reused
 * per thread, because building them costs more than reading a small record.
 */
final class AvroPayloads {

    static final byte SINGLE_OBJECT_MARKER = (byte) 0xC3;
    static final byte SINGLE_OBJECT_VERSION = 0x01;
    static final int SINGLE_OBJECT_HEADER = 10;
    static final int REGISTRY_HEADER = 5;

    static {
        // Avro believes the lengths it reads; a corrupt length must fail the record, not allocate gigabytes.
        System.setProperty("org.apache.avro.limits.bytes.maxLength", System.getProperty("org.apache.avro.limits.bytes.maxLength", String.valueOf(64 << 20)));
        System.setProperty("org.apache.avro.limits.string.maxLength", System.getProperty("org.apache.avro.limits.string.maxLength", String.valueOf(64 << 20)));
        System.setProperty("org.apache.avro.limits.collectionItems.maxLength", System.getProperty("org.apache.avro.limits.collectionItems.maxLength", String.valueOf(10_000_000)));
    }

    private final Map<SchemaPair, GenericDatumReader<Object>> readers = new ConcurrentHashMap<>();
    private final ThreadLocal<BoundedDecoder> decoders = ThreadLocal.withInitial(BoundedDecoder::new);

    private record SchemaPair(Schema writer, Schema reader) {
    }

    /** The datum in {@code bytes[offset..]} written with {@code writer}, resolved into {@code reader} when one is given. */
    Object read(byte[] bytes, int offset, Schema writer, Schema reader) throws IOException {
        Schema target = reader == null ? writer : reader;
        GenericDatumReader<Object> datumReader = readers.computeIfAbsent(new SchemaPair(writer, target),
                pair -> new GenericDatumReader<>(pair.writer(), pair.reader()));
        BoundedDecoder bounded = decoders.get();
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, offset, bytes.length - offset, bounded.binary());
        Object datum = datumReader.read(null, bounded.reading(decoder));
        if (!decoder.isEnd()) {
            throw new IOException((bytes.length - offset - remainingAfter(decoder, bytes.length - offset))
                    + " bytes make a whole record, but " + (bytes.length - offset) + " were given: the schema does not fit the payload");
        }
        return datum;
    }

    private static int remainingAfter(BinaryDecoder decoder, int total) {
        try {
            return decoder.inputStream().available();
        } catch (IOException e) {
            return 0;
        }
    }

    static boolean looksLikeRegistryFraming(byte[] bytes) {
        return bytes.length >= REGISTRY_HEADER && bytes[0] == 0;
    }

    static int registrySchemaId(byte[] bytes) {
        return ByteBuffer.wrap(bytes, 1, 4).order(ByteOrder.BIG_ENDIAN).getInt();
    }

    static long singleObjectFingerprint(byte[] bytes) {
        return ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
