package io.feedlens.app.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.feedlens.app.decode.Decoded;
import io.feedlens.app.decode.DecodedHeader;
import io.feedlens.app.decode.DecodedRecord;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.lineage.RecordCoordinates;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record on its way through a search: its parts are decoded only when the filter first asks for them, and all of
 * it only when it matches — a scan for {@code value.amount > 5000} never decodes the keys and headers of the
 * records that do not match. Not thread-safe: one per record, on the reading thread.
 */
public final class CandidateRecord {

    private final ConsumerRecord<byte[], byte[]> raw;
    private final RecordDecoder decoder;
    private Decoded key;
    private Decoded value;
    private Decoded valueFields;
    private List<DecodedHeader> headers;
    private Map<String, String> headerTexts;
    private DecodedRecord decoded;

    private CandidateRecord(ConsumerRecord<byte[], byte[]> raw, RecordDecoder decoder, DecodedRecord decoded) {
        this.raw = raw;
        this.decoder = decoder;
        if (decoded != null) {
            key = decoded.key();
            value = decoded.value();
            headers = decoded.headers();
        }
        this.decoded = decoded;
    }

    public static CandidateRecord of(ConsumerRecord<byte[], byte[]> raw, RecordDecoder decoder) {
        return new CandidateRecord(raw, decoder, null);
    }

    public static CandidateRecord of(DecodedRecord decoded) {
        return new CandidateRecord(null, null, decoded);
    }

    public Decoded value() {
        if (value == null) {
            value = decoder.decodeValue(raw.topic(), raw.value(), raw.headers());
        }
        return value;
    }

    /**
     * The value with only {@code fields} built when it is a JSON object (see {@link RecordDecoder#decodeValueFields}),
     * for a filter that reads nothing else of it; otherwise, or once decoded in full, the whole value.
     */
    Decoded valueFields(Set<String> fields) {
        if (value != null) {
            return value;
        }
        if (valueFields == null) {
            Decoded fieldsOnly = decoder.decodeValueFields(raw.topic(), raw.value(), raw.headers(), fields);
            valueFields = fieldsOnly != null ? fieldsOnly : value();
        }
        return valueFields;
    }

    public Decoded key() {
        if (key == null) {
            key = decoder.decodeKey(raw.topic(), raw.key(), raw.headers());
        }
        return key;
    }

    public List<DecodedHeader> headers() {
        if (headers == null) {
            headers = decoder.headers(raw.topic(), raw.headers());
        }
        return headers;
    }

    /** Header name to text; later headers of the same name win, as Kafka's {@code lastHeader} does. */
    Map<String, String> headerTexts() {
        if (headerTexts == null) {
            headerTexts = new HashMap<>();
            for (DecodedHeader header : headers()) {
                headerTexts.put(header.key(), header.text());
            }
        }
        return headerTexts;
    }

    public RecordCoordinates coordinates() {
        return decoded != null ? decoded.coordinates() : new RecordCoordinates(raw.topic(), raw.partition(), raw.offset());
    }

    public long timestamp() {
        return decoded != null ? decoded.timestamp() : raw.timestamp();
    }

    long size() {
        return decoded != null ? decoded.key().size() + decoded.value().size()
                : Math.max(0, raw.serializedKeySize()) + Math.max(0, raw.serializedValueSize());
    }

    /** The whole record decoded, reusing what the filter already decoded. */
    public DecodedRecord decoded() {
        if (decoded == null) {
            decoded = new DecodedRecord(coordinates(), raw.timestamp(), raw.timestampType().name, key(), value(), headers());
        }
        return decoded;
    }
}
