package io.feedlens.app.browse;

import java.util.Optional;

import io.feedlens.lineage.RecordCoordinates;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What Kafka gave back for one pair of coordinates: the record, or in plain words why it can't be had (retention
 * passed, compacted away, topic gone, not authorized, no answer in time), with the same as a kind a program checks
 * ({@code verify} tells "left retention" from the rest). {@code problem} and {@code unavailable} are null when found.
 */
public record FetchedRecord(RecordCoordinates at, ConsumerRecord<byte[], byte[]> record, Unavailable unavailable, String problem) {

    /** Why a record can't be had. */
    public enum Unavailable {
        /** Below the partition's earliest offset: retention removed it. */
        LEFT_RETENTION,
        /** The topic no longer exists. */
        TOPIC_GONE,
        /** This connection may not read the topic. */
        NOT_AUTHORIZED,
        /** Nothing is at the offset: compacted away, a transaction marker, or past the end of a recreated topic. */
        NOT_AT_OFFSET,
        /** Kafka did not answer in time. */
        NO_ANSWER
    }

    static FetchedRecord found(ConsumerRecord<byte[], byte[]> record) {
        return new FetchedRecord(new RecordCoordinates(record.topic(), record.partition(), record.offset()), record, null, null);
    }

    static FetchedRecord unavailable(RecordCoordinates at, Unavailable kind, String why) {
        return new FetchedRecord(at, null, kind, why);
    }

    public Optional<ConsumerRecord<byte[], byte[]>> found() {
        return Optional.ofNullable(record);
    }
}
