package io.feedlens.lineage.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedlens.lineage.FeatureStatus;
import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.model.Used;

/** Reads one entry of a decision's {@code used} list (LINEAGE.md): feature_id or ref, and what the model logged. */
final class UsedEntries {

    private UsedEntries() {
    }

    static Used read(JsonNode entry) {
        String featureId = text(entry, "feature_id");
        String ref = text(entry, "ref");
        if (featureId == null && ref == null) {
            throw new FactExtractor.MissingFact("a used entry names neither feature_id nor ref");
        }
        RecordCoordinates coordinates;
        try {
            coordinates = ref == null ? null : RecordCoordinates.parse(ref);
        } catch (IllegalArgumentException e) {
            throw new FactExtractor.MissingFact("a used entry's ref is not topic/partition@offset: '" + ref + "'");
        }
        JsonNode value = entry.path("value");
        JsonNode version = entry.path("version");
        String asOf = text(entry, "as_of");
        return new Used(text(entry, "featureview"), version.canConvertToInt() ? version.asInt() : null, featureId, coordinates,
                value.isNumber() ? value.asDouble() : null, asOf == null ? null : FactExtractor.instant(asOf), status(text(entry, "status")));
    }

    private static FeatureStatus status(String text) {
        if (text == null) {
            return null;
        }
        try {
            return FeatureStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new FactExtractor.MissingFact("a used entry's status is not a Feast field status: '" + text + "'");
        }
    }

    private static String text(JsonNode entry, String field) {
        JsonNode node = entry.get(field);
        return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }
}
