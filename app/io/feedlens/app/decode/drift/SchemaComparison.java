package io.feedlens.app.decode.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.feedlens.app.decode.Format;
import io.feedlens.app.decode.SchemaRef;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/** Says what changed between two schemas of a topic, and whether the newer one can still read the older data. */
final class SchemaComparison {

    private SchemaComparison() {
    }

    static SchemaChange compare(int fromNumber, SchemaDrift.Tally from, int toNumber, SchemaDrift.Tally to,
                                Function<SchemaRef, Optional<Schema>> schemas) {
        List<String> details = new ArrayList<>(pathDifferences(from.paths, to.paths));
        if (from.format.isAvro() && to.format.isAvro() && from.ref != null && to.ref != null) {
            Optional<Schema> older = schemas.apply(from.ref);
            Optional<Schema> newer = schemas.apply(to.ref);
            if (older.isPresent() && newer.isPresent()) {
                var result = SchemaCompatibility.checkReaderWriterCompatibility(newer.get(), older.get()).getResult();
                boolean compatible = result.getCompatibility() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
                if (!compatible) {
                    result.getIncompatibilities().forEach(i -> details.add("incompatible: " + i.getMessage() + " at " + i.getLocation()));
                }
                return new SchemaChange(fromNumber, toNumber, compatible, details);
            }
            details.add("one of the two schemas could not be fetched, so compatibility is unknown");
            return new SchemaChange(fromNumber, toNumber, false, details);
        }
        if (from.format != to.format) {
            details.add(0, "format changed from " + from.format.label() + " to " + to.format.label());
            return new SchemaChange(fromNumber, toNumber, false, details);
        }
        boolean onlyAdded = details.stream().allMatch(d -> d.startsWith("added "));
        return new SchemaChange(fromNumber, toNumber, onlyAdded, details);
    }

    /** Fields added, removed, or of another type; in path order. */
    static List<String> pathDifferences(Map<String, String> older, Map<String, String> newer) {
        List<String> differences = new ArrayList<>();
        newer.forEach((path, type) -> {
            String before = older.get(path);
            if (before == null) {
                differences.add("added " + path + " (" + type + ")");
            } else if (!before.equals(type)) {
                differences.add("changed " + path + " from " + before + " to " + type);
            }
        });
        older.forEach((path, type) -> {
            if (!newer.containsKey(path)) {
                differences.add("removed " + path + " (" + type + ")");
            }
        });
        return differences;
    }
}
