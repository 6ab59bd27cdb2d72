package io.feedlens.app.decode;

/**
 * A schema could not be had: unknown id or fingerprint, registry down, slow, or refusing us.
 * The message is for people: it names the schema, the place asked, and what to check.
 */
public final class SchemaLookupException extends Exception {

    public SchemaLookupException(String message) {
        super(message);
    }

    public SchemaLookupException(String message, Throwable cause) {
        super(message, cause);
    }
}
