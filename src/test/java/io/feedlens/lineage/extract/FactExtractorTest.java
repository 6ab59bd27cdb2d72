package io.feedlens.lineage.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedlens.lineage.FeatureStatus;
import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.model.DerivedFrom;
import io.feedlens.lineage.model.ExtractedRecord;
import io.feedlens.lineage.model.FeatureVersion;
import io.feedlens.lineage.model.IndexedRecord;
import io.feedlens.lineage.model.Role;
import io.feedlens.lineage.model.SkippedRecord;
import org.junit.jupiter.api.Test;

class FactExtractorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final FactExtractor extractor = new FactExtractor(LineageProfile.roles(List.of("payments"), List.of("features"),
            List.of("decisions")).withValuePointer("velocity", "/count"));

    private static RecordView record(String topic, long offset, Map<String, String> headers, String json) throws Exception {
        JsonNode value = JSON.readTree(json);
        return new RecordView(new RecordCoordinates(topic, 0, offset), 1_000L, headers, value, null, json.getBytes());
    }

    private static Map<String, String> ce(String id, String... more) {
        Map<String, String> headers = new HashMap<>(Map.of("ce_id", id, "ce_source", "/s", "ce_time", "2026-11-26T10:00:00Z",
                "ce_subject", "card-1"));
        for (int i = 0; i < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    @Test
    void featureRecordGivesItsVersionValueAndEveryKindOfParent() throws Exception {
        ExtractedRecord extracted = extractor.extract(record("features", 7, ce("f-1", "ce_featureview", "velocity",
                "ce_featureversion", "3", "ce_lineageparents", "id:p-1, payments/2@40,payments/1@10-19"), "{\"count\":4}"));

        IndexedRecord feature = (IndexedRecord) extracted;
        assertThat(feature.fact().role()).isEqualTo(Role.FEATURE);
        assertThat(feature.fact().feature()).isEqualTo(new FeatureVersion("velocity", 3));
        assertThat(feature.fact().value()).isEqualTo(4.0);
        assertThat(feature.fact().time()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
        assertThat(feature.derivedFrom()).containsExactly(DerivedFrom.byId("p-1"),
                DerivedFrom.at(new RecordCoordinates("payments", 2, 40)), DerivedFrom.window("payments", 1, 10, 19));
    }

    @Test
    void causationIdNamesTheParentWhenNoListIsGiven() throws Exception {
        IndexedRecord feature = (IndexedRecord) extractor.extract(record("features", 1, ce("f-2", "ce_featureview", "velocity",
                "ce_featureversion", "3", "ce_causationid", "p-9"), "{\"count\":1}"));
        assertThat(feature.derivedFrom()).containsExactly(DerivedFrom.byId("p-9"));
    }

    @Test
    void decisionGivesItsUsedListByFeatureIdOrRef() throws Exception {
        IndexedRecord decision = (IndexedRecord) extractor.extract(record("decisions", 3, ce("d-1", "ce_modelid", "fraud",
                "ce_modelversion", "7"), "{\"used\":[{\"featureview\":\"velocity\",\"version\":3,\"feature_id\":\"f-1\",\"value\":4,"
                + "\"as_of\":\"2026-11-26T09:59:59Z\",\"status\":\"PRESENT\"},{\"featureview\":\"stats\",\"ref\":\"features/0@7\"}]}"));

        assertThat(decision.fact().modelId()).isEqualTo("fraud");
        assertThat(decision.used()).hasSize(2);
        assertThat(decision.used().get(0).featureId()).isEqualTo("f-1");
        assertThat(decision.used().get(0).loggedValue()).isEqualTo(4.0);
        assertThat(decision.used().get(0).status()).isEqualTo(FeatureStatus.PRESENT);
        assertThat(decision.used().get(1).ref()).isEqualTo(new RecordCoordinates("features", 0, 7));
    }

    @Test
    void recordsLackingNeededFactsAreSkippedWithTheReason() throws Exception {
        Map<String, String> noId = ce("x");
        noId.remove("ce_id");
        assertThat(reason(extractor.extract(record("payments", 1, noId, "{}")))).isEqualTo("no ce_id header (fact id)");
        assertThat(reason(extractor.extract(record("features", 1, ce("f", "ce_featureview", "v"), "{}")))).isEqualTo("no ce_featureversion header (feature version)");
        assertThat(reason(extractor.extract(record("decisions", 1, ce("d"), "{}")))).isEqualTo("no ce_modelid header (model id)");
        assertThat(reason(extractor.extract(record("other", 1, ce("o"), "{}")))).contains("no lineage role");
        assertThat(reason(extractor.extract(record("features", 2, ce("f", "ce_featureview", "v", "ce_featureversion", "1",
                "ce_lineageparents", "what?"), "{}")))).contains("unreadable ce_lineageparents");
        RecordView broken = new RecordView(new RecordCoordinates("payments", 0, 5), 0L, ce("p"), null, "truncated JSON", new byte[0]);
        assertThat(reason(extractor.extract(broken))).isEqualTo("value did not decode: truncated JSON");
    }

    @Test
    void profileSurvivesAFileRoundTrip(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        LineageProfile demo = LineageProfile.demo("x.");
        demo.writeTo(folder.resolve("profile.json"));
        assertThat(java.nio.file.Files.readString(folder.resolve("profile.json"))).contains("\"PT10M\"").contains("x.payments");
        assertThat(LineageProfile.readFrom(folder.resolve("profile.json"))).isEqualTo(demo);
    }

    private static String reason(ExtractedRecord extracted) {
        assertThat(extracted).isInstanceOf(SkippedRecord.class);
        return ((SkippedRecord) extracted).reason();
    }
}
