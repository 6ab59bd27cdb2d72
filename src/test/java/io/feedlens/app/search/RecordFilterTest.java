package io.feedlens.app.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.feedlens.app.decode.DecodedHeader;
import io.feedlens.app.decode.DecodedRecord;
import io.feedlens.app.decode.DecoderSettings;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.lineage.RecordCoordinates;
import org.junit.jupiter.api.Test;

class RecordFilterTest {

    private static final RecordDecoder DECODER = new RecordDecoder(DecoderSettings.automatic());

    private static DecodedRecord payment(double amount, String type, int partition, long offset) {
        String json = "{\"payment_id\":\"p-1\",\"card\":\"card-42\",\"amount\":" + amount + ",\"country\":\"NL\",\"tags\":[\"eu\",\"pos\"]}";
        return new DecodedRecord(new RecordCoordinates("payments", partition, offset), 1_764_151_200_000L, "CreateTime",
                DECODER.decodeValue("payments", "card-42".getBytes(StandardCharsets.UTF_8)),
                DECODER.decodeValue("payments", json.getBytes(StandardCharsets.UTF_8)),
                List.of(new DecodedHeader("ce_type", type.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void theIssuesExampleMatchesOnAValueFieldAndAHeader() throws FilterProblem {
        RecordFilter filter = RecordFilter.of("value.amount > 5000 && headers['ce_type'] == 'com.acme.payment.attempted'", null);

        assertThat(filter.asPredicate().test(payment(5120.50, "com.acme.payment.attempted", 0, 1))).isTrue();
        assertThat(filter.asPredicate().test(payment(4999.99, "com.acme.payment.attempted", 0, 1))).isFalse();
        assertThat(filter.asPredicate().test(payment(6000, "com.acme.payment.refunded", 0, 1))).isFalse();
    }

    @Test
    void keyPartitionOffsetTimestampAndListsAreThereToFilterOn() throws FilterProblem {
        DecodedRecord record = payment(10, "t", 2, 77);

        assertThat(RecordFilter.of("key == 'card-42' && partition == 2 && offset >= 77", null).asPredicate().test(record)).isTrue();
        assertThat(RecordFilter.of("timestamp > timestamp('2025-01-01T00:00:00Z')", null).asPredicate().test(record)).isTrue();
        assertThat(RecordFilter.of("'pos' in value.tags && value.tags.size() == 2", null).asPredicate().test(record)).isTrue();
        assertThat(RecordFilter.of("has(value.country) && !has(value.refund)", null).asPredicate().test(record)).isTrue();
    }

    @Test
    void aMissingFieldIsNoMatchAndIsCounted() throws FilterProblem {
        AtomicInteger errors = new AtomicInteger();

        boolean matched = RecordFilter.of("value.merchant == 'x'", null).test(payment(1, "t", 0, 0), errors::incrementAndGet);

        assertThat(matched).isFalse();
        assertThat(errors).hasValue(1);
    }

    @Test
    void aBadExpressionPointsAtItsErrorBeforeAnyScan() {
        assertThatThrownBy(() -> RecordFilter.of("value.amount > > 5000", null))
                .isInstanceOf(FilterProblem.class)
                .hasMessageStartingWith("The filter has an error at line 1, column 16")
                .hasMessageContaining("\n  value.amount > > 5000\n                 ^")
                .satisfies(e -> assertThat(((FilterProblem) e).column()).isEqualTo(16));
    }

    @Test
    void anExpressionThatIsNotAConditionIsRefused() {
        assertThatThrownBy(() -> RecordFilter.of("value.amount + 1", null)).isInstanceOf(FilterProblem.class);
        assertThatThrownBy(() -> RecordFilter.of("unknown_variable == 1", null))
                .hasMessageContaining("undeclared reference to 'unknown_variable'");
    }

    @Test
    void containsLooksInKeyValueAndHeadersIgnoringCase() throws FilterProblem {
        DecodedRecord record = payment(10, "com.acme.payment.attempted", 0, 0);

        assertThat(RecordFilter.of(null, "CARD-42").asPredicate().test(record)).isTrue();
        assertThat(RecordFilter.of("", "payment.ATTEMPTED").asPredicate().test(record)).isTrue();
        assertThat(RecordFilter.of(" ", "nowhere").asPredicate().test(record)).isFalse();
        assertThat(RecordFilter.of("value.amount > 5", "nl").asPredicate().test(record)).isTrue();
    }
}
