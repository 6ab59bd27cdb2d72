package io.feedlens.testing;

import com.fasterxml.jackson.databind.JsonNode;

/** A status and JSON body from the stand-in registry. */
record StandInAnswer(int status, JsonNode body) {

    static StandInAnswer ok(JsonNode body) {
        return new StandInAnswer(200, body);
    }

    static StandInAnswer error(int status, int errorCode, String message) {
        return new StandInAnswer(status, SchemaRegistryStandIn.error(errorCode, message));
    }

    static StandInAnswer methodNotAllowed() {
        return error(405, 405, "HTTP 405 Method Not Allowed");
    }
}
