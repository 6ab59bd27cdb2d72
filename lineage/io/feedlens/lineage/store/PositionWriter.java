package io.feedlens.lineage.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import io.feedlens.lineage.model.PartitionPosition;

/**
 * Writes the next offsets of a batch, in the batch's transaction, checking each against the position its writer
 * expected (decision 12). Plain UPDATE and INSERT, no MERGE: the same statements run on H2 and PostgreSQL.
 */
final class PositionWriter {

    /** Unique or primary key violation, in H2 and PostgreSQL alike. */
    static final String DUPLICATE_KEY = "23505";

    private static final String UPDATE = "UPDATE index_offsets SET next_offset = ? WHERE topic = ? AND part = ?";
    private static final String INSERT = "INSERT INTO index_offsets (topic, part, next_offset) VALUES (?, ?, ?)";

    private PositionWriter() {
    }

    static void save(Connection connection, List<PartitionPosition> positions) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE);
             PreparedStatement checked = connection.prepareStatement(UPDATE + " AND next_offset = ?");
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (PartitionPosition position : positions) {
                if (position.expected() == PartitionPosition.UNCHECKED) {
                    if (set(update, position) == 0) {
                        insert(insert, position);
                    }
                } else if (position.expected() == PartitionPosition.NONE) {
                    insert(insert, position);
                } else {
                    checked.setLong(4, position.expected());
                    if (set(checked, position) == 0) {
                        throw new PartitionMovedException(position, null);
                    }
                }
            }
        }
    }

    private static int set(PreparedStatement update, PartitionPosition position) throws SQLException {
        update.setLong(1, position.nextOffset());
        update.setString(2, position.topic());
        update.setInt(3, position.partition());
        return update.executeUpdate();
    }

    /** A first position; when another writer stored one first, the key is taken and the partition has moved. */
    private static void insert(PreparedStatement insert, PartitionPosition position) throws SQLException {
        insert.setString(1, position.topic());
        insert.setInt(2, position.partition());
        insert.setLong(3, position.nextOffset());
        try {
            insert.executeUpdate();
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState()) && position.expected() == PartitionPosition.NONE) {
                throw new PartitionMovedException(position, e);
            }
            throw e;
        }
    }
}
