package io.feedlens.lineage.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.feedlens.lineage.model.Role;

/**
 * A lineage profile as a JSON file (decision 17 says why JSON): strict, so a typo in a field name, a pointer that is
 * not one or a role that does not exist fails when the file is read, with the line and the path of the mistake,
 * instead of silently indexing nothing.
 */
public final class ProfileFile {

    /** TTLs as ISO-8601 text ("PT10M"), so a shared file reads plainly. */
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private ProfileFile() {
    }

    /** The mapper that reads and writes profiles, for places that keep a profile inside another JSON file. */
    public static ObjectMapper mapper() {
        return JSON;
    }

    public static void write(LineageProfile profile, Path file) throws IOException {
        JSON.writeValue(file.toFile(), profile);
    }

    public static LineageProfile read(Path file) throws Problem {
        if (!Files.isRegularFile(file)) {
            throw new Problem(file, "no such file");
        }
        LineageProfile profile;
        try {
            profile = JSON.readValue(file.toFile(), LineageProfile.class);
        } catch (JsonProcessingException e) {
            throw new Problem(file, explain(e));
        } catch (IOException e) {
            throw new Problem(file, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        if (profile == null || profile.topicRoles().isEmpty()) {
            throw new Problem(file, "names no topics: give topicRoles, e.g. {\"topicRoles\": {\"payments\": \"EVENT\"}}");
        }
        return profile;
    }

    /** What went wrong, where, in words: the line and column, the path of fields, and the mistake. */
    static String explain(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            String in = path((JsonMappingException) e, 1);
            return where + "unknown field '" + unknown.getPropertyName() + "'" + (in.isEmpty() ? "" : " in " + in)
                    + "; known fields: " + known;
        }
        if (e instanceof InvalidFormatException bad && bad.getTargetType() == Role.class) {
            return where + "unknown role '" + bad.getValue() + "' for topic '" + path(bad, 0).replaceFirst("^topicRoles\\.", "")
                    + "'; roles are " + Arrays.stream(Role.values()).map(Enum::name).collect(Collectors.joining(", "));
        }
        if (e instanceof JsonMappingException mapping) {
            String in = path(mapping, 0);
            return where + (in.isEmpty() ? "" : in + ": ") + rootMessage(e);
        }
        return "not valid JSON, " + where + e.getOriginalMessage();
    }

    /** The field path of a mapping error ("facts.feature.view"), leaving out the last {@code drop} steps. */
    private static String path(JsonMappingException e, int drop) {
        var steps = e.getPath();
        return steps.subList(0, Math.max(0, steps.size() - drop)).stream()
                .map(step -> step.getFieldName() != null ? step.getFieldName() : "[" + step.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** Our own checks throw IllegalArgumentException with a sentence; Jackson wraps it, so unwrap to that sentence. */
    private static String rootMessage(JsonProcessingException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            if (cause instanceof IllegalArgumentException) {
                return cause.getMessage();
            }
        }
        String original = e.getOriginalMessage();
        return original.lines().findFirst().orElse(original);
    }

    /** A profile file that cannot be used, with the file, the place in it and the reason in one sentence. */
    public static final class Problem extends IOException {
        public Problem(Path file, String reason) {
            super("Lineage profile " + file + ": " + reason);
        }
    }
}
