package io.feedlens.app.report;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The SHA-256 digests that let a reviewer check a record is still the one in the report, as lowercase hex.
 *
 * <ul>
 * <li>{@code key}: SHA-256 of the key's bytes exactly as Kafka stores them; null when the record has no key.</li>
 * <li>{@code value}: the same for the value; null for a tombstone (no value).</li>
 * <li>{@code headers}: SHA-256 of the headers in the record's order, each written as: the header name's length in
 * UTF-8 bytes as a 4-byte big-endian integer, the name's UTF-8 bytes, the value's length in bytes as a 4-byte
 * big-endian integer (-1, i.e. {@code FF FF FF FF}, for a null value), then the value's bytes. A record without
 * headers hashes zero bytes ({@code e3b0c442…b855}).</li>
 * </ul>
 * Lengths before each part mean no two different header lists write the same bytes ("ab"+"c" vs "a"+"bc").
 */
public record RecordHashes(String key, String value, String headers) {

    static final String DEFINITION = "key and value: SHA-256 of the bytes exactly as Kafka stores them (none when the record has no "
            + "key, or no value). headers: SHA-256 over the headers in the record's order, each written as the name's length in "
            + "UTF-8 bytes (4-byte big-endian integer), the name's UTF-8 bytes, the value's length in bytes (4-byte big-endian "
            + "integer, -1 when the value is null), then the value's bytes; no headers hash zero bytes "
            + "(e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855). All digests are lowercase hexadecimal.";

    public static RecordHashes of(ConsumerRecord<byte[], byte[]> record) {
        return new RecordHashes(sha256(record.key()), sha256(record.value()), sha256(headerBytes(record.headers())));
    }

    /** Lowercase hex SHA-256 of {@code bytes}; null for null. */
    public static String sha256(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The bytes the headers digest is taken over, as the class comment defines them. */
    static byte[] headerBytes(Iterable<Header> headers) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Header header : headers) {
                byte[] name = header.key().getBytes(StandardCharsets.UTF_8);
                out.writeInt(name.length);
                out.write(name);
                out.writeInt(header.value() == null ? -1 : header.value().length);
                if (header.value() != null) {
                    out.write(header.value());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** Which of key, value and headers differ from {@code now}, in that order; empty when all three agree. */
    public List<String> differences(RecordHashes now) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(key, now.key)) {
            changed.add("key");
        }
        if (!Objects.equals(value, now.value)) {
            changed.add("value");
        }
        if (!Objects.equals(headers, now.headers)) {
            changed.add("headers");
        }
        return changed;
    }
}
