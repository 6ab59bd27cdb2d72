package io.feedlens.app.decode.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.feedlens.app.decode.Decoded;
import io.feedlens.app.decode.DecoderSettings;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.decode.SchemaRef;
import io.feedlens.lineage.RecordCoordinates;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaDriftTest {

    private static final Schema V1 = new Schema.Parser().parse("""
            {"type":"record","name":"Stats","fields":[{"name":"entity","type":"string"},{"name":"mean","type":"double"}]}""");
    private static final Schema V2_OPTIONAL_FIELD = new Schema.Parser().parse("""
            {"type":"record","name":"Stats","fields":[{"name":"entity","type":"string"},{"name":"mean","type":"double"},
             {"name":"max","type":["null","double"],"default":null}]}""");
    private static final Schema V3_REQUIRED_FIELD = new Schema.Parser().parse("""
            {"type":"record","name":"Stats","fields":[{"name":"entity","type":"string"},{"name":"mean","type":"double"},
             {"name":"count","type":"long"}]}""");

    private final Map<SchemaRef, Schema> known = Map.of(
            SchemaRef.registryId(1, "Stats"), V1, SchemaRef.registryId(2, "Stats"), V2_OPTIONAL_FIELD, SchemaRef.registryId(3, "Stats"), V3_REQUIRED_FIELD);
    private final SchemaDrift drift = new SchemaDrift("stats", false, ref -> Optional.ofNullable(known.get(ref)));
    private final RecordDecoder json = new RecordDecoder(DecoderSettings.automatic());

    private void seeAvro(int id, int offset, String time) {
        Decoded decoded = Decoded.of(io.feedlens.app.decode.Format.AVRO_REGISTRY,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), SchemaRef.registryId(id, "Stats"), 10);
        drift.observe(new RecordCoordinates("stats", 0, offset), Instant.parse(time), decoded);
    }

    private void seeJson(int partition, int offset, String time, String value) {
        drift.observe(new RecordCoordinates("stats", partition, offset), Instant.parse(time),
                json.decodeValue("stats", value.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anAddedOptionalFieldIsABackwardCompatibleChange() {
        seeAvro(1, 0, "2026-11-26T10:00:00Z");
        seeAvro(1, 1, "2026-11-26T10:01:00Z");
        seeAvro(2, 2, "2026-11-26T10:02:00Z");

        DriftReport report = drift.report();

        assertThat(report.schemas()).extracting(SchemaSighting::schema).containsExactly("schema id 1 (Stats)", "schema id 2 (Stats)");
        assertThat(report.schemas().get(0).records()).isEqualTo(2);
        assertThat(report.schemas().get(0).last()).hasToString("stats/0@1");
        SchemaChange change = report.changes().get(0);
        assertThat(change.backwardCompatible()).isTrue();
        assertThat(change.details()).containsExactly("added max (null|double)");
    }

    @Test
    void aNewRequiredFieldWithoutDefaultIsNotBackwardCompatible() {
        seeAvro(1, 0, "2026-11-26T10:00:00Z");
        seeAvro(3, 1, "2026-11-26T10:01:00Z");

        SchemaChange change = drift.report().changes().get(0);

        assertThat(change.backwardCompatible()).isFalse();
        assertThat(change.details()).contains("added count (long)")
                .anySatisfy(detail -> assertThat(detail).startsWith("incompatible:").contains("count"));
    }

    @Test
    void schemasAreOrderedByFirstRecordTimeAcrossPartitionsReadInAnyOrder() {
        seeJson(1, 0, "2026-11-26T10:05:00Z", "{\"card\":\"c1\",\"amount\":10,\"risk\":0.2}");
        seeJson(0, 0, "2026-11-26T10:00:00Z", "{\"card\":\"c1\",\"amount\":10}");
        seeJson(0, 1, "2026-11-26T10:09:00Z", "{\"card\":\"c2\",\"amount\":12}");

        DriftReport report = drift.report();

        assertThat(report.schemas()).hasSize(2);
        assertThat(report.schemas().get(0).first()).hasToString("stats/0@0");
        assertThat(report.schemas().get(0).last()).hasToString("stats/0@1");
        assertThat(report.schemas().get(0).fieldPaths()).containsExactly(Map.entry("amount", "number"), Map.entry("card", "string"));
        assertThat(report.changes().get(0).details()).containsExactly("added risk (number)");
        assertThat(report.changes().get(0).backwardCompatible()).isTrue();
    }

    @Test
    void aJsonFieldThatChangesTypeOrDisappearsIsNotBackwardCompatible() {
        seeJson(0, 0, "2026-11-26T10:00:00Z", "{\"card\":\"c1\",\"amount\":10,\"tags\":[\"eu\"]}");
        seeJson(0, 1, "2026-11-26T10:01:00Z", "{\"card\":\"c1\",\"amount\":\"10.00\"}");

        SchemaChange change = drift.report().changes().get(0);

        assertThat(change.backwardCompatible()).isFalse();
        assertThat(change.details()).containsExactly("changed amount from number to string", "removed tags[] (string)");
    }

    @Test
    void nullValuesSayNothingAboutAFieldsType() {
        seeJson(0, 0, "2026-11-26T10:00:00Z", "{\"card\":\"c1\",\"note\":null}");
        seeJson(0, 1, "2026-11-26T10:01:00Z", "{\"card\":\"c2\"}");

        assertThat(drift.report().schemas()).hasSize(1);
    }

    @Test
    void recordsThatDoNotDecodeAreCountedWithTheirReasonsAndTombstonesAreNot() {
        seeJson(0, 0, "2026-11-26T10:00:00Z", "{\"card\":\"c1\"}");
        seeJson(0, 1, "2026-11-26T10:01:00Z", "{\"card\":\"c");
        drift.observe(new RecordCoordinates("stats", 0, 2), Instant.parse("2026-11-26T10:02:00Z"), json.decodeValue("stats", null));

        DriftReport report = drift.report();

        assertThat(report.records()).isEqualTo(3);
        assertThat(report.undecoded()).isEqualTo(1);
        assertThat(report.undecodedSamples().get(0).coordinates()).hasToString("stats/0@1");
        assertThat(report.undecodedSamples().get(0).reason()).startsWith("Looks like JSON but is not valid");
        assertThat(report.schemas()).hasSize(1);
    }

    @Test
    void aChangeOfFormatIsNamed() {
        seeJson(0, 0, "2026-11-26T10:00:00Z", "{\"card\":\"c1\"}");
        seeJson(0, 1, "2026-11-26T10:01:00Z", "plain words");

        SchemaChange change = drift.report().changes().get(0);

        assertThat(change.backwardCompatible()).isFalse();
        assertThat(change.details().get(0)).isEqualTo("format changed from JSON to text");
    }
}
