package io.feedlens.lineage.extract;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedlens.lineage.CloudEventHeaders;
import io.feedlens.lineage.model.DerivedFrom;
import io.feedlens.lineage.model.ExtractedRecord;
import io.feedlens.lineage.model.FeatureVersion;
import io.feedlens.lineage.model.IndexedRecord;
import io.feedlens.lineage.model.LineageFact;
import io.feedlens.lineage.model.Role;
import io.feedlens.lineage.model.SkippedRecord;
import io.feedlens.lineage.model.Used;

/**
 * Turns one decoded record into its lineage fact and edges, following LINEAGE.md's convention. A record that lacks a
 * fact the index needs, or whose value did not decode, becomes a {@link SkippedRecord} with the reason: a record
 * whose content cannot be read cannot be vouched for in a trace. Stateless and thread-safe.
 */
public final class FactExtractor {

    private final LineageProfile profile;

    public FactExtractor(LineageProfile profile) {
        this.profile = profile;
    }

    public ExtractedRecord extract(RecordView record) {
        Role role = profile.roleOf(record.coordinates().topic()).orElse(null);
        if (role == null) {
            return skip(record, "topic has no lineage role in the profile");
        }
        if (record.valueProblem() != null) {
            return skip(record, "value did not decode: " + record.valueProblem());
        }
        try {
            return switch (role) {
                case EVENT -> new IndexedRecord(fact(record, role, null, null, null, null), List.of(), List.of());
                case FEATURE -> feature(record);
                case DECISION -> decision(record);
            };
        } catch (MissingFact e) {
            return skip(record, e.getMessage());
        }
    }

    private IndexedRecord feature(RecordView record) {
        String view = required(record, CloudEventHeaders.FEATURE_VIEW);
        int version = wholeNumber(required(record, CloudEventHeaders.FEATURE_VERSION), CloudEventHeaders.FEATURE_VERSION);
        JsonNode value = record.value().at(profile.valuePointer(view));
        Double number = value.isNumber() ? value.asDouble() : null;
        LineageFact fact = fact(record, Role.FEATURE, new FeatureVersion(view, version), null, null, number);
        return new IndexedRecord(fact, List.of(), parents(record));
    }

    /** {@code ce_lineageparents} names every input; {@code ce_causationid} alone names the single direct parent. */
    private static List<DerivedFrom> parents(RecordView record) {
        String listed = record.header(CloudEventHeaders.LINEAGE_PARENTS);
        List<DerivedFrom> parents = new ArrayList<>();
        if (listed != null) {
            for (String entry : listed.split(",")) {
                if (!entry.isBlank()) {
                    parents.add(parse(entry));
                }
            }
        }
        String causation = record.header(CloudEventHeaders.CAUSATION_ID);
        if (parents.isEmpty() && causation != null) {
            parents.add(DerivedFrom.byId(causation));
        }
        return parents;
    }

    private static DerivedFrom parse(String entry) {
        try {
            return DerivedFrom.parse(entry);
        } catch (IllegalArgumentException e) {
            throw new MissingFact("unreadable " + CloudEventHeaders.LINEAGE_PARENTS + " entry '" + entry.trim() + "'");
        }
    }

    private IndexedRecord decision(RecordView record) {
        String model = required(record, CloudEventHeaders.MODEL_ID);
        String modelVersion = required(record, CloudEventHeaders.MODEL_VERSION);
        LineageFact fact = fact(record, Role.DECISION, null, model, modelVersion, null);
        JsonNode used = record.value().path("used");
        List<Used> inputs = new ArrayList<>();
        for (JsonNode entry : used) {
            inputs.add(UsedEntries.read(entry));
        }
        return new IndexedRecord(fact, inputs, List.of());
    }

    private static LineageFact fact(RecordView record, Role role, FeatureVersion feature, String model, String modelVersion,
                                    Double value) {
        String id = required(record, CloudEventHeaders.ID);
        String time = record.header(CloudEventHeaders.TIME);
        return new LineageFact(role, record.coordinates(), record.header(CloudEventHeaders.SOURCE), id,
                record.header(CloudEventHeaders.SUBJECT), time == null ? Instant.ofEpochMilli(record.timestamp()) : instant(time),
                feature, model, modelVersion, value, ContentHash.ofBytes(record.valueBytes()));
    }

    private static String required(RecordView record, String header) {
        String value = record.header(header);
        if (value == null) {
            throw new MissingFact("no " + header + " header");
        }
        return value;
    }

    static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MissingFact("not an RFC 3339 time: '" + text + "'");
        }
    }

    private static int wholeNumber(String text, String header) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new MissingFact(header + " is not a whole number: '" + text + "'");
        }
    }

    private static SkippedRecord skip(RecordView record, String reason) {
        return new SkippedRecord(record.coordinates(), reason);
    }

    /** A needed fact is absent or unreadable; caught in {@link #extract} and turned into a skip. */
    static final class MissingFact extends RuntimeException {
        MissingFact(String message) {
            super(message, null, false, false);
        }
    }
}
