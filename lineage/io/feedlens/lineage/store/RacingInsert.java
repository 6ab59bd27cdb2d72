package io.feedlens.lineage.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * An insert that another writer of a shared index (decision 12) may race for the same key. The loser's statement
 * fails: with a duplicate key once the winner's row is committed (H2's primary key and PostgreSQL wait for that), or
 * in H2 at once with a "concurrent update" while it is not (its unique indexes do not wait). The failed statement is
 * undone to a savepoint, since PostgreSQL refuses further statements in a transaction after a failed one, and the
 * caller decides what losing means: look the row up again, or nothing, as the row it wanted is there.
 */
final class RacingInsert {

    /** H2's answer to a key an uncommitted transaction of another session holds (ErrorCode.CONCURRENT_UPDATE_1). */
    private static final String H2_CONCURRENT_UPDATE = "90131";

    private RacingInsert() {
    }

    /** Runs {@code insert}; false, with nothing of it left in the transaction, when another writer's row took its key. */
    static boolean tryInsert(Connection connection, PreparedStatement insert) throws SQLException {
        Savepoint before = connection.getAutoCommit() ? null : connection.setSavepoint();
        try {
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!lostRace(e)) {
                throw e;
            }
            if (before != null) {
                connection.rollback(before);
            }
            if (H2_CONCURRENT_UPDATE.equals(e.getSQLState())) {
                pause(); // the winner has not committed yet: looking again at once would find the same
            }
            return false;
        }
        if (before != null) {
            connection.releaseSavepoint(before);
        }
        return true;
    }

    static boolean lostRace(SQLException e) {
        return PositionWriter.DUPLICATE_KEY.equals(e.getSQLState()) || H2_CONCURRENT_UPDATE.equals(e.getSQLState());
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LineageStoreException("Interrupted while another writer held a key of the lineage index", e);
        }
    }
}
