package io.feedlens.lineage.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.model.DerivedFrom;
import io.feedlens.lineage.model.ExtractedRecord;
import io.feedlens.lineage.model.FeatureVersion;
import io.feedlens.lineage.model.IndexedRecord;
import io.feedlens.lineage.model.Role;
import io.feedlens.lineage.model.SkippedRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A feed that does not follow the convention, read through a mapping profile; and the profile files that are refused. */
class MappedFactsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private static LineageProfile mapped() throws Exception {
        return LineageProfile.readFrom(Path.of(MappedFactsTest.class.getResource("/lineage/mapped-profile.json").toURI()));
    }

    private static RecordView record(String topic, Map<String, String> headers, String json) throws Exception {
        return new RecordView(new RecordCoordinates(topic, 0, 4), 1_000L, headers, JSON.readTree(json), null, json.getBytes());
    }

    @Test
    void eachRoleIsReadFromTheHeadersAndPointersTheProfileMaps() throws Exception {
        FactExtractor extractor = new FactExtractor(mapped());

        IndexedRecord event = (IndexedRecord) extractor.extract(record("shop.orders", Map.of("x-event-id", "o-1"),
                "{\"origin\":\"/shop\",\"customer\":\"c-7\",\"ts\":1764151200000}"));
        IndexedRecord feature = (IndexedRecord) extractor.extract(record("shop.features", Map.of(),
                "{\"meta\":{\"id\":\"f-1\",\"producer\":\"/f\",\"customer\":\"c-7\",\"as_of\":\"2026-11-26T10:00:01Z\","
                        + "\"view\":\"basket_total\",\"v\":\"2\",\"inputs\":[\"o-1\",\"o-0\"]},\"val\":12.5}"));
        IndexedRecord decision = (IndexedRecord) extractor.extract(record("shop.scores", Map.of("x-service", "/scorer"),
                "{\"decision\":\"d-1\",\"customer\":\"c-7\",\"at\":\"2026-11-26T10:00:02Z\",\"model\":{\"name\":\"churn\",\"version\":4},"
                        + "\"inputs\":[{\"feature\":\"basket_total\",\"ver\":2,\"val\":12.5,\"fid\":\"f-1\"}]}"));

        assertThat(event.fact().id()).isEqualTo("o-1");
        assertThat(event.fact().source()).isEqualTo("/shop");
        assertThat(event.fact().entity()).isEqualTo("c-7");
        assertThat(event.fact().time()).isEqualTo(Instant.ofEpochMilli(1764151200000L));
        assertThat(feature.fact().feature()).isEqualTo(new FeatureVersion("basket_total", 2));
        assertThat(feature.fact().value()).isEqualTo(12.5);
        assertThat(feature.derivedFrom()).containsExactly(DerivedFrom.byId("o-1"), DerivedFrom.byId("o-0"));
        assertThat(decision.fact().id()).isEqualTo("d-1");
        assertThat(decision.fact().modelId()).isEqualTo("churn");
        assertThat(decision.fact().modelVersion()).isEqualTo("4");
        assertThat(decision.used()).singleElement().satisfies(used -> {
            assertThat(used.featureId()).isEqualTo("f-1");
            assertThat(used.featureView()).isEqualTo("basket_total");
            assertThat(used.version()).isEqualTo(2);
            assertThat(used.loggedValue()).isEqualTo(12.5);
        });
    }

    /** What the indexer has the decoder build of a JSON value: the top-level fields the mapping's pointers start at. */
    @Test
    void theValueFieldsReadAreTheFirstStepsOfEachRolesPointers() throws Exception {
        FactExtractor mapped = new FactExtractor(mapped());
        FactExtractor demo = new FactExtractor(LineageProfile.demo(""));

        assertThat(mapped.valueFields("shop.orders")).containsExactlyInAnyOrder("origin", "customer", "ts");
        assertThat(mapped.valueFields("shop.features")).containsExactlyInAnyOrder("meta", "val");
        assertThat(mapped.valueFields("shop.scores")).containsExactlyInAnyOrder("decision", "customer", "at", "model", "inputs");
        assertThat(demo.valueFields("payments")).isEmpty();
        assertThat(demo.valueFields("decisions.fraud")).containsExactly("used");
        assertThat(demo.valueFields("features.txn_velocity")).containsExactlyInAnyOrder("value", "txn_count", "mean_amount");
        assertThat(demo.valueFields("not.in.the.profile")).isNull();
    }

    @Test
    void recordsLackingAMappedFactAreSkippedNamingWhereItWasLookedFor() throws Exception {
        FactExtractor extractor = new FactExtractor(mapped());

        assertThat(reason(extractor.extract(record("shop.orders", Map.of("ce_id", "o-2"), "{\"ts\":1}"))))
                .isEqualTo("no x-event-id header (fact id)");
        assertThat(reason(extractor.extract(record("shop.features", Map.of(), "{\"meta\":{\"id\":\"f\",\"as_of\":1,\"v\":1}}"))))
                .isEqualTo("no value at /meta/view (feature view)");
        assertThat(reason(extractor.extract(record("shop.orders", Map.of("x-event-id", "o-3"), "{}"))))
                .isEqualTo("no value at /ts (time)");
        assertThat(reason(extractor.extract(record("shop.scores", Map.of(), "{\"decision\":\"d\",\"at\":1,\"model\":{\"name\":\"m\","
                + "\"version\":1},\"inputs\":[{\"feature\":\"basket_total\"}]}"))))
                .isEqualTo("a used entry names its feature neither by id (/fid) nor by ref (/ref)");
    }

    @Test
    void aMappingProfileSurvivesExportAndImport() throws Exception {
        LineageProfile profile = mapped();
        profile.writeTo(folder.resolve("exported.json"));

        assertThat(LineageProfile.readFrom(folder.resolve("exported.json"))).isEqualTo(profile);
        assertThat(profile.ttl("basket_total")).contains(Duration.ofMinutes(15));
        assertThat(profile.roleOf("shop.scores")).contains(Role.DECISION);
    }

    @Test
    void aProfileWithoutFactsReadsEveryFactWhereTheConventionKeepsIt() throws Exception {
        LineageProfile profile = read("{\"topicRoles\": {\"payments\": \"EVENT\"}}");

        assertThat(profile.facts()).isEqualTo(FeedMapping.CONVENTION);
        assertThat(profile.facts().decision().id()).isEqualTo(FactSource.of("header:ce_id"));
        assertThat(profile.facts().feature().time()).isEqualTo(FactSource.of("header:ce_time", "timestamp"));
    }

    @Test
    void anUnknownFieldIsRefusedWithItsPlaceAndTheKnownFields() {
        assertThatThrownBy(() -> read("{\"topicRoles\": {\"t\": \"FEATURE\"},\n \"facts\": {\"feature\": {\"vew\": \"/meta/view\"}}}"))
                .hasMessageContaining("line 2")
                .hasMessageContaining("unknown field 'vew' in facts.feature; known fields: causationId, entity, id, parentIds,"
                        + " parents, source, time, value, version, view");
    }

    @Test
    void aFactThatDoesNotApplyToTheRoleIsAnUnknownField() {
        assertThatThrownBy(() -> read("{\"topicRoles\": {\"t\": \"EVENT\"}, \"facts\": {\"event\": {\"modelId\": \"/m\"}}}"))
                .hasMessageContaining("unknown field 'modelId' in facts.event; known fields: entity, id, source, time");
    }

    @Test
    void aPointerWithoutItsSlashIsRefusedSayingWhatAPointerLooksLike() {
        assertThatThrownBy(() -> read("{\"topicRoles\": {\"t\": \"FEATURE\"}, \"facts\": {\"feature\": {\"view\": \"meta/view\"}}}"))
                .hasMessageContaining("facts.feature.view: 'meta/view' is not a JSON pointer (those start with '/', e.g. /meta/view)");
        assertThatThrownBy(() -> read("{\"topicRoles\": {\"t\": \"FEATURE\"}, \"facts\": {\"feature\": {\"view\": \"/a~2b\"}}}"))
                .hasMessageContaining("'/a~2b' is not a valid JSON pointer");
        assertThatThrownBy(() -> read("{\"topicRoles\": {\"t\": \"DECISION\"}, \"facts\": {\"decision\": {\"usedFields\":"
                + " {\"featureId\": \"header:x-fid\"}}}}"))
                .hasMessageContaining("usedFields.featureId 'header:x-fid' must be a JSON pointer into each used entry");
        assertThatThrownBy(() -> read("{\"topicRoles\": {\"t\": \"FEATURE\"}, \"valuePointers\": {\"v\": \"count\"}}"))
                .hasMessageContaining("valuePointers.v: 'count' is not a JSON pointer");
    }

    @Test
    void anUnknownRoleIsRefusedNamingTheTopicAndTheRoles() {
        assertThatThrownBy(() -> read("{\"topicRoles\": {\"payments\": \"EVENTS\"}}"))
                .hasMessageContaining("unknown role 'EVENTS' for topic 'payments'; roles are EVENT, FEATURE, DECISION");
    }

    @Test
    void aFileThatIsNotJsonOrNamesNoTopicsIsRefused() {
        assertThatThrownBy(() -> read("topicRoles: {payments: EVENT}")).hasMessageContaining("not valid JSON, line 1");
        assertThatThrownBy(() -> read("{\"ttls\": {}}")).hasMessageContaining("names no topics");
        assertThatThrownBy(() -> read("{\"topicRoles\": {\"a\": \"EVENT\"}, \"topicRoles\": {\"b\": \"EVENT\"}}"))
                .hasMessageContaining("Duplicate field 'topicRoles'");
        assertThatThrownBy(() -> LineageProfile.readFrom(folder.resolve("absent.json"))).hasMessageEndingWith("absent.json: no such file");
    }

    private LineageProfile read(String json) throws Exception {
        Path file = folder.resolve("profile.json");
        Files.writeString(file, json);
        return LineageProfile.readFrom(file);
    }

    private static String reason(ExtractedRecord extracted) {
        assertThat(extracted).isInstanceOf(SkippedRecord.class);
        return ((SkippedRecord) extracted).reason();
    }
}
