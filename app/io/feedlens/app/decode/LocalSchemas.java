package io.feedlens.app.decode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Avro schemas from local {@code .avsc} files, found by the CRC-64-AVRO fingerprint that Avro's single-object
 * encoding puts in front of every payload. A file that does not parse is listed in {@link #problems()}, not fatal.
 */
public final class LocalSchemas {

    /** A schema with its reference, made once per schema: the reference is attached to every record decoded with it. */
    record Known(Schema schema, SchemaRef reference) {
    }

    private final Map<Long, Known> byFingerprint = new ConcurrentHashMap<>();
    private final List<String> problems = new ArrayList<>();

    public static LocalSchemas none() {
        return new LocalSchemas();
    }

    public static LocalSchemas of(Schema... schemas) {
        LocalSchemas local = new LocalSchemas();
        for (Schema schema : schemas) {
            local.add(schema);
        }
        return local;
    }

    /** Every {@code .avsc} file in the folder and below it. */
    public static LocalSchemas fromFolder(Path folder) {
        LocalSchemas local = new LocalSchemas();
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(f -> f.toString().endsWith(".avsc")).sorted().forEach(local::addFile);
        } catch (IOException e) {
            local.problems.add("The schema folder " + folder + " could not be read: " + e.getMessage());
        }
        return local;
    }

    public void add(Schema schema) {
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        byFingerprint.put(fingerprint, new Known(schema, SchemaRef.fingerprint(fingerprint, schema.getFullName())));
    }

    /** The schema with this fingerprint and its reference, or null: one look-up per single-object record decoded. */
    Known known(long fingerprint) {
        return byFingerprint.get(fingerprint);
    }

    private void addFile(Path file) {
        try {
            add(new Schema.Parser().parse(file.toFile()));
        } catch (IOException | RuntimeException e) {
            problems.add(file.getFileName() + " is not a valid Avro schema: " + e.getMessage());
        }
    }

    public Optional<Schema> byFingerprint(long fingerprint) {
        return Optional.ofNullable(known(fingerprint)).map(Known::schema);
    }

    public int size() {
        return byFingerprint.size();
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }
}
