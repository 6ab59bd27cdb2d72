package io.feedlens.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.feedlens.testing.SchemaRegistryStandIn.Reference;

/**
 * The stand-in's answers to each REST call, with the bodies, status codes, error codes and messages
 * Confluent documents for them.
 */
final class StandInRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StandInSchemas schemas;

    StandInRoutes(StandInSchemas schemas) {
        this.schemas = schemas;
    }

    /** GET /schemas/ids/{id}: {"schema": ...}, "schemaType" only when not AVRO, "references" when there are. */
    StandInAnswer schemaById(String idText) {
        Optional<StandInSchemas.Stored> stored = parseInt(idText).flatMap(schemas::byId);
        if (stored.isEmpty()) {
            return StandInAnswer.error(404, 40403, "Schema not found");
        }
        return StandInAnswer.ok(describe(JSON.createObjectNode(), stored.get()));
    }

    /** GET /subjects: ["a", "b"]. */
    StandInAnswer subjects() {
        ArrayNode list = JSON.createArrayNode();
        schemas.subjects().forEach(list::add);
        return StandInAnswer.ok(list);
    }

    /** GET /subjects/{subject}/versions: [1, 2, 3]. */
    StandInAnswer versions(String subject) {
        Optional<List<Integer>> versions = schemas.versions(subject);
        if (versions.isEmpty()) {
            return subjectNotFound(subject);
        }
        ArrayNode list = JSON.createArrayNode();
        versions.get().forEach(list::add);
        return StandInAnswer.ok(list);
    }

    /** GET /subjects/{subject}/versions/{version}: version is 1..2^31-1, "latest", or -1 for latest. */
    StandInAnswer version(String subject, String versionText) {
        Optional<Integer> number = versionText.equals("latest") ? Optional.of(-1) : parseInt(versionText);
        if (number.isEmpty() || number.get() == 0 || number.get() < -1) {
            return StandInAnswer.error(422, 42202, "The specified version '" + versionText + "' is not a valid "
                    + "version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
        }
        if (!schemas.hasSubject(subject)) {
            return subjectNotFound(subject);
        }
        Optional<StandInSchemas.Version> version = schemas.version(subject, number.get());
        if (version.isEmpty()) {
            return StandInAnswer.error(404, 40402, "Version not found.");
        }
        ObjectNode body = JSON.createObjectNode()
                .put("subject", subject)
                .put("version", version.get().version())
                .put("id", version.get().id());
        return StandInAnswer.ok(describe(body, version.get().schema()));
    }

    /** POST /subjects/{subject}/versions with {"schema": ..., "schemaType"?, "references"?}: {"id": n}. */
    StandInAnswer register(String subject, JsonNode request) {
        if (request == null || !request.path("schema").isTextual()) {
            return StandInAnswer.error(422, 42201, "Invalid schema: the body needs a \"schema\" string");
        }
        List<Reference> references = new ArrayList<>();
        for (JsonNode reference : request.path("references")) {
            references.add(new Reference(reference.path("name").asText(), reference.path("subject").asText(),
                    reference.path("version").asInt()));
        }
        try {
            int id = schemas.register(subject, request.get("schema").asText(),
                    request.path("schemaType").asText("AVRO"), references);
            return StandInAnswer.ok(JSON.createObjectNode().put("id", id));
        } catch (StandInSchemas.InvalidSchema e) {
            return StandInAnswer.error(422, 42201, e.getMessage());
        }
    }

    private static StandInAnswer subjectNotFound(String subject) {
        return StandInAnswer.error(404, 40401, "Subject '" + subject + "' not found.");
    }

    private static ObjectNode describe(ObjectNode body, StandInSchemas.Stored stored) {
        body.put("schema", stored.schema());
        if (!stored.isAvro()) {
            body.put("schemaType", stored.schemaType());
        }
        if (!stored.references().isEmpty()) {
            ArrayNode references = body.putArray("references");
            for (Reference reference : stored.references()) {
                references.addObject().put("name", reference.name()).put("subject", reference.subject())
                        .put("version", reference.version());
            }
        }
        return body;
    }

    private static Optional<Integer> parseInt(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
