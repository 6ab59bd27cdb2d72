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

    private final Map<Long, Schema> byFingerprint = new ConcurrentHashMap<>();
    /** Made once per schema: a reference is attached to every record decoded with it. */
    private final Map<Long, SchemaRef> references = new ConcurrentHashMap<>();
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
        byFingerprint.put(fingerprint, schema);
        references.put(fingerprint, SchemaRef.fingerprint(fingerprint, schema.getFullName()));
    }

    /** The reference naming the schema with this fingerprint; only for fingerprints {@link #byFingerprint} knows. */
    SchemaRef referenceTo(long fingerprint) {
        return references.get(fingerprint);
    }

    private void addFile(Path file) {
        try {
            add(new Schema.Parser().parse(file.toFile()));
        } catch (IOException | RuntimeException e) {
            problems.add(file.getFileName() + " is not a valid Avro schema: " + e.getMessage());
        }
    }

    public Optional<Schema> byFingerprint(long fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint));
    }

    public int size() {
        return byFingerprint.size();
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }
}
