package io.feedlens.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

import io.feedlens.testing.SchemaRegistryStandIn.Reference;

/**
 * What {@link SchemaRegistryStandIn} has registered: schemas by id and, per subject, the ids of its versions.
 * Like the real registry, an id names one schema text (of one type, with the same references) across subjects,
 * and registering a schema a subject already has returns the existing id without a new version.
 */
final class StandInSchemas {

    /** A registered schema: its text (Avro texts in the parser's canonical form), type and references. */
    record Stored(String schema, String schemaType, List<Reference> references) {

        boolean isAvro() {
            return schemaType.equals("AVRO");
        }
    }

    /** One version of a subject. */
    record Version(String subject, int version, int id, Stored schema) {
    }

    /** Registration refused: the schema is not valid for its type (the registry's 422, error code 42201). */
    static final class InvalidSchema extends Exception {
        InvalidSchema(String message) {
            super(message);
        }
    }

    private final Map<Integer, Stored> byId = new HashMap<>();
    private final Map<Stored, Integer> idBySchema = new HashMap<>();
    private final Map<String, List<Integer>> versionIds = new LinkedHashMap<>();

    synchronized int register(String subject, String schema, String schemaType, List<Reference> references)
            throws InvalidSchema {
        Stored stored = new Stored(normalized(schema, schemaType, references), schemaType, List.copyOf(references));
        Integer id = idBySchema.get(stored);
        if (id == null) {
            id = byId.size() + 1;
            byId.put(id, stored);
            idBySchema.put(stored, id);
        }
        List<Integer> versions = versionIds.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    synchronized Optional<Stored> byId(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    synchronized List<String> subjects() {
        return List.copyOf(versionIds.keySet());
    }

    /** Version numbers count from 1, in the order they were registered. */
    synchronized Optional<List<Integer>> versions(String subject) {
        List<Integer> ids = versionIds.get(subject);
        if (ids == null) {
            return Optional.empty();
        }
        List<Integer> numbers = new ArrayList<>();
        for (int i = 1; i <= ids.size(); i++) {
            numbers.add(i);
        }
        return Optional.of(numbers);
    }

    /** Version {@code number} of a subject, or its latest when {@code number} is -1. Empty when there is none. */
    synchronized Optional<Version> version(String subject, int number) {
        List<Integer> ids = versionIds.getOrDefault(subject, List.of());
        int version = number == -1 ? ids.size() : number;
        if (version < 1 || version > ids.size()) {
            return Optional.empty();
        }
        int id = ids.get(version - 1);
        return Optional.of(new Version(subject, version, id, byId.get(id)));
    }

    synchronized boolean hasSubject(String subject) {
        return versionIds.containsKey(subject);
    }

    /**
     * Avro schemas are parsed, so an invalid one is refused and the same schema written differently gets one id.
     * A schema with references is kept as given: the stand-in does not resolve references.
     */
    private static String normalized(String schema, String schemaType, List<Reference> references)
            throws InvalidSchema {
        if (!schemaType.equals("AVRO") || !references.isEmpty()) {
            return schema;
        }
        try {
            return new Schema.Parser().parse(schema).toString();
        } catch (SchemaParseException e) {
            throw new InvalidSchema("Invalid schema " + schema + ": " + e.getMessage());
        }
    }
}
