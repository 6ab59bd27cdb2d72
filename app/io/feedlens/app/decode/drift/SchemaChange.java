package io.feedlens.app.decode.drift;

import java.util.List;

/**
 * The step from one schema to the next in a topic's sequence, and whether it is backward compatible:
 * for Avro by Avro's resolution rules (the new schema can read data written with the old one); for JSON,
 * whether fields were only added. {@code details} says what changed, one fact a line.
 */
public record SchemaChange(int from, int to, boolean backwardCompatible, List<String> details) {

    public SchemaChange {
        details = List.copyOf(details);
    }
}
