package io.feedlens.lineage.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedlens.lineage.FeatureStatus;
import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.model.Used;

/** Reads one entry of a decision's used list (LINEAGE.md): feature id or ref, and what the model logged. */
final class UsedEntries {

    private UsedEntries() {
    }

    static Used read(RecordView record, JsonNode entry, UsedFields fields) {
        String featureId = text(record, entry, fields.featureId());
        String ref = text(record, entry, fields.ref());
        if (featureId == null && ref == null) {
            throw new FactExtractor.MissingFact("a used entry names its feature neither by id (" + fields.featureId()
                    + ") nor by ref (" + fields.ref() + ")");
        }
        RecordCoordinates coordinates;
        try {
            coordinates = ref == null ? null : RecordCoordinates.parse(ref);
        } catch (IllegalArgumentException e) {
            throw new FactExtractor.MissingFact("a used entry's ref is not topic/partition@offset: '" + ref + "'");
        }
        JsonNode version = fields.version().read(record, entry);
        JsonNode asOf = fields.asOf().read(record, entry);
        return new Used(text(record, entry, fields.featureView()), version(version),
                featureId, coordinates, FactExtractor.number(fields.value().read(record, entry)),
                asOf == null ? null : FactSource.instantOf(asOf), status(text(record, entry, fields.status())));
    }

    /** A number, or digits as text (feeds that log everything as strings); anything else is no version. */
    private static Integer version(JsonNode version) {
        if (version == null) {
            return null;
        }
        if (version.canConvertToInt()) {
            return version.asInt();
        }
        String text = version.asText().trim();
        return !text.isEmpty() && text.length() < 10 && text.chars().allMatch(Character::isDigit) ? Integer.valueOf(text) : null;
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

    private static String text(RecordView record, JsonNode entry, FactSource field) {
        return FactSource.textOf(field.read(record, entry));
    }
}
