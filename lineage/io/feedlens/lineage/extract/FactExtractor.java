package io.feedlens.lineage.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedlens.lineage.model.DerivedFrom;
import io.feedlens.lineage.model.ExtractedRecord;
import io.feedlens.lineage.model.FeatureVersion;
import io.feedlens.lineage.model.IndexedRecord;
import io.feedlens.lineage.model.LineageFact;
import io.feedlens.lineage.model.Role;
import io.feedlens.lineage.model.SkippedRecord;
import io.feedlens.lineage.model.Used;

/**
 * Turns one decoded record into its lineage fact and edges, reading each fact where the profile's {@link FeedMapping}
 * says (LINEAGE.md's convention unless mapped). A record that lacks a fact the index needs, or whose value did not
 * decode, becomes a {@link SkippedRecord} with the reason: a record whose content cannot be read cannot be vouched
 * for in a trace. Stateless and thread-safe.
 */
public final class FactExtractor {

    private final LineageProfile profile;
    private final FeedMapping facts;
    private final Map<String, Set<String>> valueFields = new HashMap<>();

    public FactExtractor(LineageProfile profile) {
        this.profile = profile;
        this.facts = profile.facts();
        profile.topicRoles().forEach((topic, role) -> valueFields.put(topic, Set.copyOf(profile.valueFields(role))));
    }

    /**
     * The top-level fields of a value of this topic that {@link #extract} reads ({@link LineageProfile#valueFields}),
     * or null for a topic outside the profile.
     */
    public Set<String> valueFields(String topic) {
        return valueFields.get(topic);
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
        FeatureFacts mapped = facts.feature();
        String view = mapped.view().required(record, "feature view");
        int version = FactSource.wholeNumber(mapped.version().required(record, "feature version"), mapped.version());
        LineageFact fact = fact(record, Role.FEATURE, new FeatureVersion(view, version), null, null,
                number(profile.valueOf(view).read(record)));
        return new IndexedRecord(fact, List.of(), parents(record, mapped));
    }

    /** A number, or text that is one (a value kept in a header); anything else is no comparable value. */
    static Double number(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        try {
            return value.isTextual() ? Double.valueOf(value.asText().trim()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The parents list names every input; the causation id alone names the single direct parent. */
    private static List<DerivedFrom> parents(RecordView record, FeatureFacts mapped) {
        List<DerivedFrom> parents = new ArrayList<>();
        eachEntry(mapped.parents(), record, entry -> parents.add(parse(entry, mapped.parents())));
        if (mapped.parentIds() != null) {
            eachEntry(mapped.parentIds(), record, id -> parents.add(DerivedFrom.byId(id)));
        }
        String causation = mapped.causationId().text(record);
        if (parents.isEmpty() && causation != null) {
            parents.add(DerivedFrom.byId(causation));
        }
        return parents;
    }

    /** Entries of a list fact: a JSON array of texts, or comma-separated text (as a header carries it). */
    private static void eachEntry(FactSource source, RecordView record, Consumer<String> each) {
        JsonNode found = source.read(record);
        if (found == null) {
            return;
        }
        if (found.isArray()) {
            for (JsonNode element : found) {
                String text = FactSource.textOf(element);
                if (text == null) {
                    throw new MissingFact("an entry of the " + source.describe() + " is not text: " + element);
                }
                each.accept(text.trim());
            }
            return;
        }
        for (String entry : found.asText().split(",")) {
            if (!entry.isBlank()) {
                each.accept(entry.trim());
            }
        }
    }

    private static DerivedFrom parse(String entry, FactSource source) {
        try {
            return DerivedFrom.parse(entry);
        } catch (IllegalArgumentException e) {
            throw new MissingFact("unreadable " + source.describe() + " entry '" + entry + "'");
        }
    }

    private IndexedRecord decision(RecordView record) {
        DecisionFacts mapped = facts.decision();
        String model = mapped.modelId().required(record, "model id");
        String modelVersion = mapped.modelVersion().required(record, "model version");
        LineageFact fact = fact(record, Role.DECISION, null, model, modelVersion, null);
        JsonNode used = mapped.used().read(record);
        if (used != null && !used.isArray()) {
            throw new MissingFact("the used list (" + mapped.used().describe() + ") is not an array");
        }
        List<Used> inputs = new ArrayList<>();
        for (JsonNode entry : used == null ? List.<JsonNode>of() : used) {
            inputs.add(UsedEntries.read(record, entry, mapped.usedFields()));
        }
        return new IndexedRecord(fact, inputs, List.of());
    }

    private LineageFact fact(RecordView record, Role role, FeatureVersion feature, String model, String modelVersion,
                             Double value) {
        RecordFacts mapped = facts.of(role);
        String id = mapped.id().required(record, role == Role.DECISION ? "decision id" : "fact id");
        JsonNode time = mapped.time().read(record);
        if (time == null) {
            throw new MissingFact("no " + mapped.time().describe() + " (time)");
        }
        return new LineageFact(role, record.coordinates(), mapped.source().text(record), id, mapped.entity().text(record),
                FactSource.instantOf(time), feature, model, modelVersion, value, ContentHash.ofBytes(record.valueBytes()));
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
