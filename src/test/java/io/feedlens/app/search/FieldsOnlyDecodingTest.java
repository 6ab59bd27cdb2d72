package io.feedlens.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.feedlens.app.decode.DecodedRecord;
import io.feedlens.app.decode.DecoderSettings;
import io.feedlens.app.decode.RecordDecoder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/**
 * A search decodes only the value fields its filter reads (and checks the rest is valid JSON without building it), and
 * answers a lone comparison of a value field with a number without CEL's interpreter. Those fast paths must give
 * exactly the answers of decoding every record in full and asking CEL: same matches, same filter errors, same
 * "did not decode" count — on good, odd and broken payloads alike.
 */
class FieldsOnlyDecodingTest {

    private static final RecordDecoder DECODER = new RecordDecoder(DecoderSettings.automatic());

    private static final List<String> FILTERS = List.of(
            "value.amount > 5000",
            "value.amount <= 7",
            "5000 < value.amount",
            "value.amount == 9000",
            "value.amount != 6000.5",
            "value.amount >= 9.3e18",
            "has(value.refund) || value.amount < 10",
            "'pos' in value.tags && value.tags.size() == 2",
            "value.nested.level == 2 && headers['ce_type'] == 'attempted'",
            "value.amount > 5000 && value.country == 'NL'",
            "offset % 2 == 0",
            "size(value) > 2",
            "value['amount'] == 1");

    private static final List<String> TEXT_VALUES = List.of(
            "{\"amount\":6000.5,\"country\":\"NL\",\"tags\":[\"eu\",\"pos\"]}",
            "  \n{\"amount\": 7, \"refund\": null}",
            "{\"amount\":\"6000\",\"country\":\"NL\"}",
            "{\"country\":\"DE\",\"nested\":{\"level\":2,\"deeper\":[1,{\"x\":[]}]}}",
            "{\"amount\":1,\"amount\":9000}",
            "{\"amount\":9000,\"amount\":\"text\"}",
            "{\"amount\":null}",
            "{\"amount\":true}",
            "{\"amount\":{\"value\":9000}}",
            "{\"amount\":[9000]}",
            "{\"amount\":-0.0}",
            "{\"amount\":9.000e3}",
            "{\"amount\":1e400}",
            "{\"amount\":9223372036854775807}",
            "{\"amount\":9223372036854775808}",
            "{\"amount\":-92233720368547758080}",
            "{\"amount\":9000,\"note\":\"caf\\u00e9 \\\"quoted\\\"\",\"tags\":[\"pos\",\"eu\"]}",
            "{\"amount\":9000,\"big\":1e9999999999}",
            "{\"amount\":9000,\"huge\":123456789012345678901234567890,\"tiny\":-0.000000001}",
            "{\"amount\":9000,\"note\":\"bad escape \\q\"}",
            "{\"amount\":9000} trailing",
            "{\"amount\":9000,\"note\":\"cut",
            "{\"amount\":9000,}",
            "[{\"amount\":9000}]",
            "9000",
            "\"text\"",
            "plain text with amount 9000",
            "");

    private static List<byte[]> values() {
        List<byte[]> values = new ArrayList<>();
        TEXT_VALUES.forEach(v -> values.add(v.getBytes(StandardCharsets.UTF_8)));
        byte[] invalidUtf8 = "{\"amount\":9000,\"note\":\"xx\"}".getBytes(StandardCharsets.UTF_8);
        invalidUtf8[24] = (byte) 0xC3; // a lead byte followed by '"' instead of a continuation byte
        values.add(invalidUtf8);
        values.add(new byte[] {0, 0, 0, 0, 7, 2, 4});
        values.add(new byte[] {(byte) 0xC3, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        values.add(null);
        return values;
    }

    /**
     * Offsets 0, 1, 4, 5, … carry headers as a consumer reads them (names still bytes, decoded on first use),
     * the others as a producer makes them.
     */
    private static ConsumerRecord<byte[], byte[]> record(long offset, byte[] value, boolean schemaIdHeader) {
        RecordHeaders headers = new RecordHeaders();
        boolean asRead = offset / 2 % 2 == 0;
        header(headers, asRead, "ce_type", "attempted".getBytes(StandardCharsets.UTF_8));
        if (schemaIdHeader) {
            header(headers, asRead, RecordDecoder.VALUE_SCHEMA_ID_HEADER, new byte[] {0, 0, 0, 7});
        }
        return new ConsumerRecord<>("payments", 0, offset, 1_764_151_200_000L, TimestampType.CREATE_TIME, 4,
                value == null ? -1 : value.length, "k-42".getBytes(StandardCharsets.UTF_8), value, headers, Optional.empty());
    }

    private static void header(RecordHeaders headers, boolean asRead, String name, byte[] value) {
        if (asRead) {
            headers.add(new RecordHeader(ByteBuffer.wrap(name.getBytes(StandardCharsets.UTF_8)), ByteBuffer.wrap(value)));
        } else {
            headers.add(name, value);
        }
    }

    @Test
    void fieldsOnlyDecodingGivesTheSameMatchesErrorsAndDecodeStatusAsDecodingInFull() throws FilterProblem {
        // Made anew for each filter and path: decoding a header's name once keeps it decoded.
        List<Supplier<ConsumerRecord<byte[], byte[]>>> records = new ArrayList<>();
        long offset = 0;
        for (byte[] value : values()) {
            for (int twice = 0; twice < 2; twice++) {
                long first = offset;
                records.add(() -> record(first, value, false));
                records.add(() -> record(first + 1, value, true));
                offset += 2;
            }
        }
        int matchedSomewhere = 0;
        for (String expression : FILTERS) {
            RecordFilter filter = RecordFilter.of(expression, null);
            for (Supplier<ConsumerRecord<byte[], byte[]>> made : records) {
                ConsumerRecord<byte[], byte[]> raw = made.get();
                DecodedRecord full = DECODER.decode(made.get());
                AtomicInteger slowErrors = new AtomicInteger();
                AtomicInteger fastErrors = new AtomicInteger();
                boolean slow = filter.interpretedOnly().test(full, slowErrors::incrementAndGet);
                CandidateRecord candidate = CandidateRecord.of(raw, DECODER);
                boolean fast = filter.test(candidate, fastErrors::incrementAndGet);

                String where = expression + " on offset " + raw.offset() + " " + full.value();
                assertThat(fast).as(where).isEqualTo(slow);
                assertThat(fastErrors.get()).as(where).isEqualTo(slowErrors.get());
                assertThat(filter.valueDecodes(candidate)).as(where).isEqualTo(full.value().ok());
                if (fast) {
                    // Header values are arrays: compared by content (each made record has its own).
                    assertThat(candidate.decoded()).as("a match is decoded in full: " + where)
                            .usingRecursiveComparison().isEqualTo(full);
                    matchedSomewhere++;
                }
            }
        }
        assertThat(matchedSomewhere).as("the filters do match some of the records").isGreaterThan(10);
    }

    @Test
    void aJsonObjectIsReadOnlyAsFarAsTheFilterReadsIt() throws FilterProblem {
        RecordFilter filter = RecordFilter.of("value.amount > 5000", null);
        CandidateRecord candidate = CandidateRecord.of(record(0, TEXT_VALUES.get(0).getBytes(StandardCharsets.UTF_8), false), DECODER);

        assertThat(filter.test(candidate, () -> { })).isTrue();
        assertThat(candidate.valueFields(java.util.Set.of("amount")).tree().toString()).isEqualTo("{\"amount\":6000.5}");
        assertThat(candidate.decoded().value().tree().size()).as("the match itself is whole").isEqualTo(3);
    }
}
