package io.feedlens.app.decode.registry;

import io.feedlens.app.decode.SchemaLookupException;

/**
 * Turns the registry's documented error answers into words people can act on.
 * Error codes are Confluent's: 40401 subject, 40402 version, 40403 schema not found.
 */
final class RegistryErrors {

    static final int SUBJECT_NOT_FOUND = 40401;
    static final int VERSION_NOT_FOUND = 40402;
    static final int SCHEMA_NOT_FOUND = 40403;

    private RegistryErrors() {
    }

    static SchemaLookupException explain(RegistryHttp.Answer answer, RegistryRequest request, boolean sentCredentials) {
        String at = "the schema registry at " + answer.url();
        String detail = answer.registryMessage().map(m -> ": " + m).orElse("");
        String message = switch (answer.errorCode()) {
            case SCHEMA_NOT_FOUND -> "Schema id " + request.id() + " was not found in " + at
                    + ". The records may have been written against another registry.";
            case SUBJECT_NOT_FOUND -> "Subject '" + request.subject() + "' was not found in " + at + ".";
            case VERSION_NOT_FOUND -> capitalized(request.describe()) + " was not found in " + at + ".";
            default -> byStatus(answer.status(), at, detail, request, sentCredentials);
        };
        return new SchemaLookupException(message);
    }

    private static String byStatus(int status, String at, String detail, RegistryRequest request,
                                   boolean sentCredentials) {
        if (status == 401) {
            // Never the password, nor the user's full user info: only that they were refused.
            return sentCredentials
                    ? capitalized(at) + " refused the credentials (HTTP 401). Check " + RegistrySettings.USER_INFO + "."
                    : capitalized(at) + " asks for credentials (HTTP 401). Set "
                    + RegistrySettings.CREDENTIALS_SOURCE + "=USER_INFO and " + RegistrySettings.USER_INFO + ".";
        }
        if (status == 403) {
            return capitalized(at) + " does not allow this user to read " + request.describe() + " (HTTP 403)"
                    + detail + ".";
        }
        if (status == 404) {
            return capitalized(at) + " has no " + request.path() + " (HTTP 404): is this URL a schema registry?";
        }
        if (status >= 500) {
            return capitalized(at) + " answered with an error" + detail + " (HTTP " + status + ").";
        }
        return capitalized(at) + " answered HTTP " + status + " to a request for " + request.describe() + detail + ".";
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
