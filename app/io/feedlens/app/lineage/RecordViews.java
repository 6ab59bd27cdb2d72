package io.feedlens.app.lineage;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedlens.app.decode.Decoded;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.extract.RecordView;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Turns a consumed record into the neutral {@link RecordView} that lineage extraction reads. */
final class RecordViews {

    private RecordViews() {
    }

    /**
     * Decodes the value only: lineage facts live in headers and value, never in the key. Of a JSON object only
     * {@code valueFields} are built, when given (the rest is still checked to be JSON): the payments of a fraud feed
     * carry all their facts in headers, so none of their trees is built, and a decision's only its used list. Of an
     * Avro record too only those fields become a tree (it is still read in full, so a bad one is still found).
     */
    static RecordView of(ConsumerRecord<byte[], byte[]> record, RecordDecoder decoder, Set<String> valueFields) {
        Decoded fields = valueFields == null ? null
                : decoder.decodeValueFields(record.topic(), record.value(), record.headers(), valueFields);
        Decoded value = fields != null ? fields : decoder.decodeValue(record.topic(), record.value(), record.headers());
        String problem = record.value() == null ? "the record has no value (a tombstone)" : value.problem();
        JsonNode tree = valueFields == null ? value.tree() : value.treeOf(valueFields);
        return new RecordView(new RecordCoordinates(record.topic(), record.partition(), record.offset()), record.timestamp(),
                new HeaderTexts(record.headers()), tree, problem, record.value() == null ? new byte[0] : record.value());
    }
}
