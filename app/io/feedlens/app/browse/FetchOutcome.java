package io.feedlens.app.browse;

import java.util.Objects;

import io.feedlens.lineage.RecordCoordinates;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What asking Kafka for one record by its coordinates gave: the record, or why there is none, in words a reviewer
 * reads ({@code explanation}) and as a kind a program checks ({@code unavailable}).
 */
public record FetchOutcome(RecordCoordinates coordinates, ConsumerRecord<byte[], byte[]> record, Unavailable unavailable,
                           String explanation) {

    /** Why a record could not be read again. */
    public enum Unavailable {
        /** The offset is below the partition's earliest offset: Kafka's retention has removed it. */
        LEFT_RETENTION,
        /** The topic, or this partition of it, no longer exists. */
        TOPIC_GONE,
        /** The cluster refused: this connection may not read (or describe) the topic. */
        NOT_AUTHORIZED,
        /** The partition exists and holds the offset range, but nothing is at this offset (compaction, a transaction marker, a recreated topic). */
        NOT_AT_OFFSET,
        /** Kafka did not answer in time or failed otherwise. */
        NO_ANSWER
    }

    public FetchOutcome {
        Objects.requireNonNull(coordinates, "coordinates");
        if ((record == null) == (unavailable == null)) {
            throw new IllegalArgumentException("Either a record or a reason, not both or neither, for " + coordinates);
        }
    }

    public static FetchOutcome found(ConsumerRecord<byte[], byte[]> record) {
        return new FetchOutcome(new RecordCoordinates(record.topic(), record.partition(), record.offset()), record, null, null);
    }

    public static FetchOutcome unavailable(RecordCoordinates coordinates, Unavailable why, String explanation) {
        return new FetchOutcome(coordinates, null, why, explanation);
    }

    public boolean found() {
        return record != null;
    }
}
