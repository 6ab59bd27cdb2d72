package io.feedlens.lineage.store;

/** The lineage index could not be read or written; the message says what and why. */
public class LineageStoreException extends RuntimeException {

    public LineageStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Stored bytes that do not read back (a disk fault, a hand in the file): says which part and what a person can do.
     * Nothing is lost for good: the index holds only what the topics hold, and a rebuild reads it again.
     */
    static LineageStoreException damaged(String what, Exception cause) {
        return new LineageStoreException(what + " in the index is damaged (" + cause + "). Rebuild the index"
                + " (Lineage index screen, Rebuild…) to read it from the topics again.", cause);
    }
}
