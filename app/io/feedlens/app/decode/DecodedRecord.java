package io.feedlens.app.decode;

import java.util.List;

import io.feedlens.lineage.RecordCoordinates;

/** A Kafka record with its key and value decoded and its metadata beside them. */
public record DecodedRecord(RecordCoordinates coordinates, long timestamp, String timestampType,
                            Decoded key, Decoded value, List<DecodedHeader> headers) {

    public DecodedRecord {
        headers = List.copyOf(headers);
    }

    /** The first header with this key as text, or null. */
    public String header(String key) {
        return headers.stream().filter(h -> h.key().equals(key)).findFirst().map(DecodedHeader::text).orElse(null);
    }
}
