package io.feedlens.app.decode;

import java.util.HexFormat;

/**
 * Which schema a payload was written with, as the framing names it: a registry id, a single-object fingerprint,
 * or the full name of a schema configured for the topic. Also the key that schema drift tracks.
 */
public record SchemaRef(Kind kind, String id, String fullName) {

    public enum Kind { REGISTRY_ID, FINGERPRINT, CONFIGURED }

    public static SchemaRef registryId(int id, String fullName) {
        return new SchemaRef(Kind.REGISTRY_ID, String.valueOf(id), fullName);
    }

    public static SchemaRef fingerprint(long fingerprint, String fullName) {
        return new SchemaRef(Kind.FINGERPRINT, hexFingerprint(fingerprint), fullName);
    }

    public static SchemaRef configured(String fullName) {
        return new SchemaRef(Kind.CONFIGURED, fullName, fullName);
    }

    /**
     * The CRC-64-AVRO fingerprint as 16 hex digits of its value, as {@code SchemaNormalization.parsingFingerprint64}
     * returns it (the wire carries the same eight bytes little-endian).
     */
    public static String hexFingerprint(long fingerprint) {
        return HexFormat.of().toHexDigits(fingerprint); // not String.format: this runs per record
    }

    @Override
    public String toString() {
        String name = fullName == null ? "" : " (" + fullName + ")";
        return switch (kind) {
            case REGISTRY_ID -> "schema id " + id + name;
            case FINGERPRINT -> "fingerprint " + id + name;
            case CONFIGURED -> "schema " + id;
        };
    }
}
