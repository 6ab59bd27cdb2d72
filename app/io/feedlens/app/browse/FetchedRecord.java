package io.feedlens.app.browse;

import java.util.Optional;

import io.feedlens.lineage.RecordCoordinates;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What Kafka gave back for one pair of coordinates: the record, or in plain words why it can't be had (retention
 * passed, compacted away, topic gone, not authorized, no answer in time).
 */
public record FetchedRecord(RecordCoordinates at, ConsumerRecord<byte[], byte[]> record, String problem) {

    static FetchedRecord found(ConsumerRecord<byte[], byte[]> record) {
        return new FetchedRecord(new RecordCoordinates(record.topic(), record.partition(), record.offset()), record, null);
    }

    static FetchedRecord unavailable(RecordCoordinates at, String why) {
        return new FetchedRecord(at, null, why);
    }

    public Optional<ConsumerRecord<byte[], byte[]>> found() {
        return Optional.ofNullable(record);
    }
}
