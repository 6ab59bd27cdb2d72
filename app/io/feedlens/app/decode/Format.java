package io.feedlens.app.decode;

/** How a key or value was read. Shown in the browser's "format" column and recorded with every decode. */
public enum Format {
    /** No bytes at all: a tombstone value or a record without a key. */
    NULL("null"),
    JSON("JSON"),
    TEXT("text"),
    UUID("UUID"),
    INT("int"),
    LONG("long"),
    DOUBLE("double"),
    /** Magic byte 0 and a 4-byte schema id, schema from a Schema Registry. */
    AVRO_REGISTRY("Avro (registry)"),
    /** Avro's single-object encoding: C3 01 and the schema's 8-byte fingerprint, schema from local files. */
    AVRO_SINGLE_OBJECT("Avro (single-object)"),
    /** Bare Avro binary with a schema configured for the topic, or named by a schema-id header. */
    AVRO_PLAIN("Avro (plain)"),
    /** Nothing else fitted: shown as hex and base64. */
    BYTES("bytes");

    private final String label;

    Format(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isAvro() {
        return this == AVRO_REGISTRY || this == AVRO_SINGLE_OBJECT || this == AVRO_PLAIN;
    }
}
