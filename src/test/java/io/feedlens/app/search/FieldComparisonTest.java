package io.feedlens.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.feedlens.app.decode.DecodedRecord;
import io.feedlens.app.decode.DecoderSettings;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.lineage.RecordCoordinates;
import org.junit.jupiter.api.Test;

/**
 * A filter that is one comparison of a value field with a number is answered without CEL's interpreter; on every pair
 * of numbers the answer must be CEL's own (ints against doubles, the edges of int64, -0.0, values beyond a double).
 */
class FieldComparisonTest {

    private static final RecordDecoder DECODER = new RecordDecoder(DecoderSettings.automatic());

    private static final List<String> OPERATORS = List.of("<", "<=", ">", ">=", "==", "!=");
    private static final List<String> LITERALS = List.of("5000", "5000.0", "5000.5", "0", "0.0", "-0.0", "-1",
            "9223372036854775807", "9.223372036854775807e18", "9007199254740993", "9007199254740992.0", "1e308");
    private static final List<String> FIELD_VALUES = List.of("0", "-0.0", "0.0", "1", "-1", "5000", "5000.0", "5000.5",
            "4999.99999999999999999", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "9.3e18",
            "1e400", "-1e400", "1e-400", "9007199254740993", "9007199254740993.0", "\"5000\"", "null", "true", "[]", "{}");

    private static DecodedRecord payment(String amount) {
        byte[] json = ("{\"payment_id\":\"p-1\",\"amount\":" + amount + "}").getBytes(StandardCharsets.UTF_8);
        return new DecodedRecord(new RecordCoordinates("payments", 0, 0), 1_764_151_200_000L, "CreateTime",
                DECODER.decodeValue("payments", "k".getBytes(StandardCharsets.UTF_8)), DECODER.decodeValue("payments", json), List.of());
    }

    @Test
    void aFieldComparedWithANumberGetsCelsAnswerOnEveryPairOfNumbers() throws FilterProblem {
        int compared = 0;
        int matched = 0;
        for (String operator : OPERATORS) {
            for (String literal : LITERALS) {
                for (String expression : List.of("value.amount " + operator + " " + literal, literal + " " + operator + " value.amount")) {
                    RecordFilter filter = RecordFilter.of(expression, null);
                    assertThat(filter.comparesWithoutCel()).as(expression).isTrue();
                    for (String amount : FIELD_VALUES) {
                        DecodedRecord record = payment(amount);
                        AtomicInteger celErrors = new AtomicInteger();
                        AtomicInteger errors = new AtomicInteger();
                        boolean cel = filter.interpretedOnly().test(record, celErrors::incrementAndGet);

                        assertThat(filter.test(record, errors::incrementAndGet)).as(expression + " on " + amount).isEqualTo(cel);
                        assertThat(errors.get()).as("errors of " + expression + " on " + amount).isEqualTo(celErrors.get());
                        compared++;
                        matched += cel ? 1 : 0;
                    }
                }
            }
        }
        assertThat(matched).as("some comparisons hold and some do not").isBetween(compared / 5, compared * 4 / 5);
    }

    @Test
    void onlyALoneComparisonOfAValueFieldWithANumberIsAnsweredWithoutCel() throws FilterProblem {
        assertThat(RecordFilter.of("value.amount > 5000", null).comparesWithoutCel()).isTrue();
        assertThat(RecordFilter.of("1.5 >= value.fee", null).comparesWithoutCel()).isTrue();

        assertThat(RecordFilter.of("value.amount > 5000 && value.fee < 1", null).comparesWithoutCel()).isFalse();
        assertThat(RecordFilter.of("value.card.limit > 5000", null).comparesWithoutCel()).isFalse();
        assertThat(RecordFilter.of("value.amount > 5000u", null).comparesWithoutCel()).isFalse();
        assertThat(RecordFilter.of("value.amount > offset", null).comparesWithoutCel()).isFalse();
        assertThat(RecordFilter.of("value.country == 'NL'", null).comparesWithoutCel()).isFalse();
        assertThat(RecordFilter.of("key.amount > 5000", null).comparesWithoutCel()).isFalse();
        assertThat(RecordFilter.of("value.amount + 1 > 5000", null).comparesWithoutCel()).isFalse();
    }
}
