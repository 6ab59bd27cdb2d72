package io.feedlens.app.decode.drift;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.feedlens.app.decode.Decoded;
import io.feedlens.app.decode.Format;
import io.feedlens.app.decode.SchemaRef;
import io.feedlens.lineage.RecordCoordinates;
import org.apache.avro.Schema;

/**
 * Follows the schemas of one topic's keys or values as records go by, in any order across partitions, and
 * reports them as a sequence by time of first appearance, with the change from each to the next.
 *
 * <p>An Avro schema is identified by its registry id, fingerprint or configured name; a JSON "schema" by the set
 * of field paths and types its records have; other formats by the format alone. Not thread-safe: one per scan.
 */
public final class SchemaDrift {

    /** Enough to show a reviewer what goes wrong without holding every bad record of a big topic. */
    static final int UNDECODED_SAMPLES = 20;
    static final int MAX_SCHEMAS = 200;

    private final String topic;
    private final boolean keys;
    private final Function<SchemaRef, Optional<Schema>> schemas;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final List<DriftReport.Undecoded> undecodedSamples = new ArrayList<>();
    private long records;
    private long undecoded;

    public SchemaDrift(String topic, boolean keys, Function<SchemaRef, Optional<Schema>> schemas) {
        this.topic = topic;
        this.keys = keys;
        this.schemas = schemas;
    }

    public void observe(RecordCoordinates coordinates, Instant time, Decoded decoded) {
        records++;
        if (decoded.format() == Format.NULL) {
            return;
        }
        if (!decoded.ok()) {
            undecoded++;
            if (undecodedSamples.size() < UNDECODED_SAMPLES) {
                undecodedSamples.add(new DriftReport.Undecoded(coordinates, decoded.problem()));
            }
            return;
        }
        Map<String, String> paths = decoded.format() == Format.JSON ? FieldPaths.ofJson(decoded.tree()) : null;
        String identity = identity(decoded, paths);
        Tally tally = tallies.get(identity);
        if (tally == null) {
            if (tallies.size() >= MAX_SCHEMAS) {
                return;
            }
            tally = new Tally(decoded.format(), decoded.schema(), describe(decoded, paths), paths == null ? shapeOf(decoded.schema()) : paths);
            tallies.put(identity, tally);
        }
        tally.see(coordinates, time);
    }

    public DriftReport report() {
        List<Tally> ordered = tallies.values().stream()
                .sorted(Comparator.comparing((Tally t) -> t.firstTime).thenComparing(t -> t.first.toString()))
                .toList();
        List<SchemaSighting> sightings = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            sightings.add(ordered.get(i).sighting(i + 1));
        }
        List<SchemaChange> changes = new ArrayList<>();
        for (int i = 1; i < ordered.size(); i++) {
            changes.add(SchemaComparison.compare(i, ordered.get(i - 1), i + 1, ordered.get(i), schemas));
        }
        return new DriftReport(topic, keys, records, sightings, changes, undecoded, undecodedSamples);
    }

    private static String identity(Decoded decoded, Map<String, String> paths) {
        if (decoded.schema() != null) {
            return decoded.schema().kind() + ":" + decoded.schema().id();
        }
        return paths != null ? "JSON:" + paths : decoded.format().name();
    }

    private static String describe(Decoded decoded, Map<String, String> jsonPaths) {
        if (decoded.schema() != null) {
            return decoded.schema().toString();
        }
        return jsonPaths != null ? jsonPaths.size() + " field paths" : decoded.format().label();
    }

    private Map<String, String> shapeOf(SchemaRef ref) {
        return ref == null ? Map.of() : schemas.apply(ref).map(FieldPaths::ofAvro).orElse(Map.of());
    }

    /** What is known of one schema so far. */
    static final class Tally {
        final Format format;
        final SchemaRef ref;
        final String description;
        final Map<String, String> paths;
        long count;
        RecordCoordinates first;
        Instant firstTime = Instant.MAX;
        RecordCoordinates last;
        Instant lastTime = Instant.MIN;

        Tally(Format format, SchemaRef ref, String description, Map<String, String> paths) {
            this.format = format;
            this.ref = ref;
            this.description = description;
            this.paths = paths;
        }

        void see(RecordCoordinates coordinates, Instant time) {
            count++;
            if (time.isBefore(firstTime)) {
                firstTime = time;
                first = coordinates;
            }
            if (!time.isBefore(lastTime)) {
                lastTime = time;
                last = coordinates;
            }
        }

        SchemaSighting sighting(int number) {
            return new SchemaSighting(number, format, description, paths, count, first, firstTime, last, lastTime);
        }
    }
}
