package io.feedlens.app.decode.drift;

import java.util.List;

import io.feedlens.lineage.RecordCoordinates;

/** A topic's schema history: the schemas in the order they first appeared, the changes between them, and what did not decode. */
public record DriftReport(String topic, boolean keys, long records, List<SchemaSighting> schemas, List<SchemaChange> changes,
                          long undecoded, List<Undecoded> undecodedSamples) {

    /** A record that carried no schema because it did not decode, and why. */
    public record Undecoded(RecordCoordinates coordinates, String reason) {
    }

    public DriftReport {
        schemas = List.copyOf(schemas);
        changes = List.copyOf(changes);
        undecodedSamples = List.copyOf(undecodedSamples);
    }
}
