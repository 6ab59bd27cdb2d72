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

    /** The fingerprint as people compare it with tools: 16 hex digits, little-endian as on the wire. */
    public static String hexFingerprint(long fingerprint) {
        return HexFormat.of().toHexDigits(Long.reverseBytes(fingerprint)); // not String.format: this runs per record
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
