package io.feedlens.app.decode.registry;

import io.feedlens.app.decode.SchemaLookupException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** The Avro schema inside a registry answer ({@code schema}, {@code schemaType}, {@code references}). */
final class RegistrySchemaText {

    private RegistrySchemaText() {
    }

    /** A missing {@code schemaType} means AVRO: the registry leaves it out for Avro, as documented. */
    static Schema avro(JsonNode body, RegistryRequest request, URI registry) throws SchemaLookupException {
        String type = body.path("schemaType").asText("AVRO");
        if (!"AVRO".equalsIgnoreCase(type)) {
            throw new SchemaLookupException(capitalized(request.describe()) + " in the schema registry at " + registry
                    + " is a " + type + " schema; FeedLens decodes only Avro from the registry for now.");
        }
        JsonNode text = body.get("schema");
        if (text == null || !text.isTextual()) {
            throw new SchemaLookupException("The schema registry at " + registry + " answered the request for "
                    + request.describe() + " without a schema text.");
        }
        try {
            // A new parser each time: a parser remembers the names it has seen.
            return new Schema.Parser().parse(text.asText());
        } catch (RuntimeException e) {
            throw unparsable(body, request, registry, e);
        }
    }

    private static SchemaLookupException unparsable(JsonNode body, RegistryRequest request, URI registry,
                                                    RuntimeException e) {
        List<String> references = references(body);
        if (!references.isEmpty()) {
            return new SchemaLookupException(capitalized(request.describe()) + " in the schema registry at "
                    + registry + " uses schema references (" + String.join(", ", references)
                    + "); FeedLens does not resolve schema references yet.", e);
        }
        return new SchemaLookupException(capitalized(request.describe()) + " in the schema registry at " + registry
                + " is not a valid Avro schema: " + e.getMessage(), e);
    }

    /** Each reference as "name (subject version n)". */
    private static List<String> references(JsonNode body) {
        List<String> names = new ArrayList<>();
        for (JsonNode reference : body.path("references")) {
            names.add(reference.path("name").asText("?") + " (" + reference.path("subject").asText("?")
                    + " version " + reference.path("version").asText("?") + ")");
        }
        return names;
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
