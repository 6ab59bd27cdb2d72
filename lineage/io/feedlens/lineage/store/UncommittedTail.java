package io.feedlens.lineage.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Removes rows that lie past their partition's stored next offset. Every batch commits its rows with its offsets, so
 * such rows belong to no committed batch; yet after a SIGKILL in the middle of a batch, H2 has been seen to keep some
 * of that batch's rows in one table and not in another (IndexerKillTest, 2026-11-27: an {@code id_lookup} or
 * {@code used_bloom} row without its record), and the batch, read again, then failed on a duplicate key. Run when a
 * single indexer opens its own file, before anything is written; never on an index other writers share.
 */
final class UncommittedTail {

    private UncommittedTail() {
    }

    /** Deletes, in one transaction, what lies past each stored position; returns how many rows that was. */
    static int trim(Connection connection, NameTable topics) throws SQLException {
        List<long[]> tails = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT topic, part, next_offset FROM index_offsets");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Optional<Integer> topic = topics.find(rows.getString(1));
                if (topic.isPresent()) {
                    int partition = rows.getInt(2);
                    tails.add(new long[] {RecordKeys.pack(topic.get(), partition, rows.getLong(3)),
                            RecordKeys.pack(topic.get(), partition, RecordKeys.MAX_OFFSET)});
                }
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        int deleted = 0;
        try {
            deleted += delete(connection, StoreSchema.RECORD_TABLES, "rec_key", tails);
            deleted += delete(connection, StoreSchema.BATCH_TABLES, "first_key", tails);
            deleted += delete(connection, StoreSchema.RECORD_BLOCK_TABLES, "last_key", tails);
            connection.commit();
            return deleted;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static int delete(Connection connection, List<String> tables, String key, List<long[]> tails) throws SQLException {
        int deleted = 0;
        for (String table : tables) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE " + key + " BETWEEN ? AND ?")) {
                for (long[] tail : tails) {
                    delete.setLong(1, tail[0]);
                    delete.setLong(2, tail[1]);
                    deleted += delete.executeUpdate();
                }
            }
        }
        return deleted;
    }
}
