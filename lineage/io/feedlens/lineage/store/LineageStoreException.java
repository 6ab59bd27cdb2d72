package io.feedlens.lineage.store;

/** The lineage index could not be read or written; the message says what and why. */
public class LineageStoreException extends RuntimeException {

    public LineageStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
