package io.feedlens.app.decode;

import org.apache.avro.Schema;

/**
 * What a person configured for one topic's keys or values: a pinned format (null: detect per record),
 * the writer schema of plain Avro payloads, and a reader schema to resolve every Avro payload into.
 */
public record TopicDecoding(Format format, Schema writerSchema, Schema readerSchema) {

    public static final TopicDecoding AUTOMATIC = new TopicDecoding(null, null, null);

    public static TopicDecoding pinned(Format format) {
        return new TopicDecoding(format, null, null);
    }

    public static TopicDecoding plainAvro(Schema writerSchema) {
        return new TopicDecoding(Format.AVRO_PLAIN, writerSchema, null);
    }

    public TopicDecoding withReaderSchema(Schema reader) {
        return new TopicDecoding(format, writerSchema, reader);
    }
}
