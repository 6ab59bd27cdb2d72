package io.feedlens.lineage.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

/**
 * How a shared index gets a working connection back when the process serving its file went away (decision 12): the
 * broken connection is closed and a new one opened to the same database, which makes one of the remaining members
 * the new server. A killed server leaves its lock file behind, so opening is tried for a while before giving up.
 */
final class Reconnection {

    /** Connection failures in H2 (broken, closed, closed at shutdown) and SQL's standard class 08 (PostgreSQL). */
    private static final Set<Integer> BROKEN_CONNECTION = Set.of(90067, 90098, 90121);
    private static final Duration TRY_FOR = Duration.ofSeconds(20);
    private static final long PAUSE_MILLIS = 250;

    /** Opens a new connection to the same database. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    /** Takes a freshly opened connection into use (loading what the store caches); may fail like opening does. */
    @FunctionalInterface
    interface Use {
        void accept(Connection opened) throws SQLException;
    }

    private final Opener opener;

    Reconnection(Opener opener) {
        this.opener = opener;
    }

    /**
     * Replaces {@code broken} when {@code failure} is a broken connection, and returns once a new one is in use;
     * throws {@code failure} when it is something else, or when no connection could be made in 20 seconds.
     */
    void replace(Connection broken, LineageStoreException failure, Use use) {
        if (!isBroken(failure)) {
            throw failure;
        }
        try {
            broken.close();
        } catch (SQLException ignored) {
            // It is broken already; the new connection is what matters.
        }
        long deadline = System.nanoTime() + TRY_FOR.toNanos();
        while (true) {
            try {
                use.accept(opener.open());
                return;
            } catch (SQLException e) {
                // A killed server leaves its lock file behind; H2 takes the file over once the lock is seen as stale.
                if (System.nanoTime() > deadline) {
                    failure.addSuppressed(e);
                    throw failure;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LineageStoreException("Interrupted while reconnecting to the lineage index", e);
        }
    }

    private static boolean isBroken(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (BROKEN_CONNECTION.contains(sql.getErrorCode())
                    || sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }
}
