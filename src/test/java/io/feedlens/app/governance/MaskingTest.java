package io.feedlens.app.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.feedlens.app.decode.Decoded;
import io.feedlens.app.decode.DecodedRecord;
import io.feedlens.app.decode.DecoderSettings;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.search.CandidateRecord;
import io.feedlens.app.search.FilterProblem;
import io.feedlens.app.search.RecordFilter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class MaskingTest {

    private static final byte[] KEY = new byte[32];
    private static final String PAYMENT = """
            {"payment_id":"p-1","card":{"number":"4111-1111-1111-1111","holder":"Ada Lovelace"},
             "items":[{"iban":"DE89370400440532013000","qty":1},{"iban":"NL91ABNA0417164300","qty":2}],
             "contact":{"email":"ada@example.com","backup":{"email":"ada2@example.com"}},"amount":12.5}""";

    private static RecordDecoder decoder(MaskRule... rules) {
        return new RecordDecoder(DecoderSettings.automatic()).masking(new Masking(List.of(rules), KEY));
    }

    private static MaskRule rule(String topics, String path, MaskAction action) {
        return new MaskRule(topics, MaskRule.Part.VALUE, path, action);
    }

    private static DecodedRecord decode(RecordDecoder decoder, String topic, String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_subject", "4111-1111-1111-1111".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", "payment".getBytes(StandardCharsets.UTF_8));
        return decoder.decode(new ConsumerRecord<>(topic, 0, 0L, 0L, org.apache.kafka.common.record.TimestampType.CREATE_TIME,
                -1, -1, "k-1".getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8), headers, java.util.Optional.empty()));
    }

    @Test
    void maskHashAndRemoveChangeOnlyTheSelectedFieldsOfMatchingTopics() {
        RecordDecoder decoder = decoder(rule("payments*", "$.card.number", MaskAction.MASK), rule("payments*", "$.items[*].iban", MaskAction.HASH),
                rule("payments*", "$..email", MaskAction.REMOVE));
        String shown = decode(decoder, "payments.eu", PAYMENT).value().tree().toString();

        assertThat(shown).doesNotContain("4111", "DE89370400440532013000", "NL91ABNA0417164300", "ada@example.com", "ada2@example.com")
                .contains("\"number\":\"****\"", "\"holder\":\"Ada Lovelace\"", "\"qty\":2", "\"amount\":12.5")
                .containsPattern("\"iban\":\"hash:[0-9a-f]{16}\"");
        assertThat(decode(decoder, "orders", PAYMENT).value().tree().toString()).as("another topic").contains("4111-1111-1111-1111");
    }

    @Test
    void aSearchFiltersOnTheMaskedValueAsAPersonSeesIt() throws FilterProblem {
        RecordDecoder decoder = decoder(rule("payments", "$.card", MaskAction.MASK), rule("payments", "$.amount", MaskAction.MASK));
        ConsumerRecord<byte[], byte[]> raw = new ConsumerRecord<>("payments", 0, 0L, "k-1".getBytes(StandardCharsets.UTF_8),
                PAYMENT.getBytes(StandardCharsets.UTF_8));

        // These read only a field or two of the value, which a search reads without building the rest of it.
        assertThat(RecordFilter.of("value.card.number == '4111-1111-1111-1111'", null).test(CandidateRecord.of(raw, decoder), () -> { }))
                .as("a hidden card number cannot be probed").isFalse();
        assertThat(RecordFilter.of("value.amount > 10", null).test(CandidateRecord.of(raw, decoder), () -> { })).isFalse();
        assertThat(RecordFilter.of("value.card == '****'", null).test(CandidateRecord.of(raw, decoder), () -> { })).isTrue();
    }

    @Test
    void equalValuesHashAlikeSoTheyCanStillBeGroupedButNotReadBack() {
        Masking masking = new Masking(List.of(), KEY);
        String once = masking.hash(com.fasterxml.jackson.databind.node.TextNode.valueOf("DE89370400440532013000"));
        assertThat(masking.hash(com.fasterxml.jackson.databind.node.TextNode.valueOf("DE89370400440532013000"))).isEqualTo(once);
        assertThat(new Masking(List.of(), new byte[] {1}).hash(com.fasterxml.jackson.databind.node.TextNode.valueOf("DE89370400440532013000")))
                .as("another data folder's key").isNotEqualTo(once);
    }

    @Test
    void aPayloadThatIsNotJsonIsHiddenWholeWhenAFieldRuleApplies() {
        RecordDecoder decoder = decoder(rule("payments", "$.card.number", MaskAction.MASK));
        Decoded broken = decode(decoder, "payments", "{\"card\":{\"number\":\"4111-1111-1111-1111\"").value();

        assertThat(broken.tree().toString()).doesNotContain("4111").contains("hidden");
        assertThat(broken.problem()).isEqualTo(Masking.HIDDEN_PROBLEM);
        assertThat(decoder.masks("payments")).isTrue();
        assertThat(decoder.masks("orders")).isFalse();
    }

    @Test
    void keysAndHeadersAreMaskedByTheirOwnRules() {
        RecordDecoder decoder = decoder(new MaskRule("payments", MaskRule.Part.KEY, "$", MaskAction.MASK),
                new MaskRule("payments", MaskRule.Part.HEADER, "$.ce_subject", MaskAction.MASK));
        DecodedRecord record = decode(decoder, "payments", PAYMENT);

        assertThat(record.key().tree().textValue()).isEqualTo(Masking.MASKED);
        assertThat(record.header("ce_subject")).isEqualTo(Masking.MASKED);
        assertThat(record.header("ce_type")).isEqualTo("payment");
        assertThat(record.value().tree().toString()).as("no value rule").contains("4111");
    }

    @Test
    void theUnmaskedDecoderSeesEverythingForTheLineageIndex() {
        RecordDecoder decoder = decoder(rule("payments", "$.payment_id", MaskAction.REMOVE));
        assertThat(decode(decoder, "payments", PAYMENT).value().tree().has("payment_id")).isFalse();
        assertThat(decode(decoder.unmasked(), "payments", PAYMENT).value().tree().path("payment_id").asText()).isEqualTo("p-1");
    }

    @Test
    void badRulesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> rule("payments", "card.number", MaskAction.MASK)).hasMessageContaining("starting at $");
        assertThatThrownBy(() -> rule("payments", "$.items[x]", MaskAction.MASK)).hasMessageContaining("[x]");
        assertThatThrownBy(() -> rule("", "$.a", MaskAction.MASK)).hasMessageContaining("topic pattern");
        assertThatThrownBy(() -> MaskAction.parse("scramble")).hasMessageContaining("mask, hash, remove");
        assertThatThrownBy(() -> new MaskRule("t", MaskRule.Part.HEADER, "$.a.b", MaskAction.MASK)).hasMessageContaining("one header");
    }

    @Test
    void aFactReadFromAPlaceARuleNamesIsShownAsTheRecordBodyShowsIt() {
        Masking masking = new Masking(List.of(rule("pay*", "$.card", MaskAction.HASH), rule("pay*", "$.used[2].value", MaskAction.MASK),
                rule("pay*", "$..email", MaskAction.REMOVE), new MaskRule("pay*", MaskRule.Part.HEADER, "$.ce_subject", MaskAction.HASH)), KEY);
        var cardNumber = io.feedlens.lineage.extract.FactSource.of("/card/number").places();
        var subject = io.feedlens.lineage.extract.FactSource.of("header:ce_subject", "timestamp").places();

        // Hashing $.card hides /card/number inside it; the ce_subject header hashes as the decoder hashes it in the record.
        assertThat(masking.shown("payments", cardNumber, "4111-1111-1111-1111")).startsWith("hash:");
        assertThat(masking.shown("payments", subject, "4111-1111-1111-1111"))
                .isEqualTo(decode(decoder(new MaskRule("pay*", MaskRule.Part.HEADER, "$.ce_subject", MaskAction.HASH)), "payments", PAYMENT)
                        .headers().stream().filter(h -> h.key().equals("ce_subject")).findFirst().orElseThrow().text());
        assertThat(masking.shown("orders", cardNumber, "4111")).isEqualTo("4111");
        assertThat(masking.shown("payments", io.feedlens.lineage.extract.FactSource.of("/card_id").places(), "c-1")).isEqualTo("c-1");
        // Which used entry a value came from is not kept: a rule on one entry hides the value of each.
        var loggedValue = io.feedlens.lineage.extract.FactSource.of("/value").places().get(0)
                .inEachElementOf(io.feedlens.lineage.extract.FactSource.of("/used").places().get(0));
        assertThat(masking.shown("payments", List.of(loggedValue), "0.7")).isEqualTo(Masking.MASKED);
        assertThat(masking.shown("payments", io.feedlens.lineage.extract.FactSource.of("/contact/backup/email").places(), "a@b"))
                .isEqualTo(io.feedlens.lineage.trace.TraceMasking.REMOVED);
        assertThat(masking.shown("payments", io.feedlens.lineage.extract.FactSource.of("timestamp").places(), "1700000000000"))
                .isEqualTo("1700000000000");
    }
}
