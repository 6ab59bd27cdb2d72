package io.feedlens.app.lineage;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.HashMap;
import java.util.Map;

import io.feedlens.app.decode.Decoded;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.extract.RecordView;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Turns a consumed record into the neutral {@link RecordView} that lineage extraction reads. */
final class RecordViews {

    private RecordViews() {
    }

    /** Decodes the value only: lineage facts live in headers and value, never in the key. */
    static RecordView of(ConsumerRecord<byte[], byte[]> record, RecordDecoder decoder) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), UTF_8));
        }
        Decoded value = decoder.decodeValue(record.topic(), record.value(), record.headers());
        String problem = record.value() == null ? "the record has no value (a tombstone)" : value.problem();
        return new RecordView(new RecordCoordinates(record.topic(), record.partition(), record.offset()), record.timestamp(),
                headers, value.tree(), problem, record.value() == null ? new byte[0] : record.value());
    }
}
