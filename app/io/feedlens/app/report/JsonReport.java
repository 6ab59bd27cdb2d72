package io.feedlens.app.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The report as JSON: times in RFC 3339, durations in ISO 8601 ({@code PT4.2S}), indented so a diff reads well. */
public final class JsonReport {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String of(AuditReport report) {
        try {
            return JSON.writeValueAsString(report) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("An audit report could not be written as JSON: " + e.getMessage(), e);
        }
    }

    /** Reads a report file as a tree; a file that is not one says so in one line. */
    public static JsonNode read(Path file) {
        JsonNode tree;
        try {
            tree = JSON.readTree(Files.readString(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("No such file: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not a JSON file: " + firstLine(e.getMessage()));
        }
        if (tree == null || !AuditReport.FORMAT.equals(tree.path("format").asText()) || !tree.path("records").isArray()) {
            throw new IllegalArgumentException(file + " is not a FeedLens audit report (no \"format\": \"" + AuditReport.FORMAT
                    + "\" with a \"records\" list).");
        }
        if (tree.path("formatVersion").asInt() > AuditReport.FORMAT_VERSION) {
            throw new IllegalArgumentException(file + " is an audit report of format version " + tree.path("formatVersion").asInt()
                    + "; this FeedLens reads up to version " + AuditReport.FORMAT_VERSION + ".");
        }
        return tree;
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }
}
