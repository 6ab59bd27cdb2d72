package io.feedlens.lineage.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.feedlens.lineage.model.FeatureVersion;
import io.feedlens.lineage.model.IndexedRecord;
import io.feedlens.lineage.model.PartitionPosition;
import io.feedlens.lineage.model.SkippedRecord;

/**
 * The lineage index of one cluster: an H2 file reached through JDBC. Each {@link #write} stores a batch of rows
 * <em>and</em> the offsets they were read up to in one transaction, so after a crash the index and its offsets
 * agree: a restart from the stored offsets neither loses nor repeats a record. One connection, used by one
 * thread at a time (methods are synchronized).
 */
public final class LineageStore implements AutoCloseable {

    private final Connection connection;
    private final NameTable topics = new NameTable("lineage_topic", RecordKeys.MAX_TOPICS);
    private final NameTable names = new NameTable("lineage_name", Integer.MAX_VALUE);
    private final FactQueries queries;

    private LineageStore(Connection connection) throws SQLException {
        this.connection = connection;
        StoreSchema.migrate(connection);
        topics.load(connection);
        names.load(connection);
        this.queries = new FactQueries(connection, topics, names);
    }

    /**
     * Opens (creating when new) the index at {@code file} (H2 adds {@code .mv.db}). H2 is told not to close the
     * database in its own shutdown hook: the indexer's hook commits its last batch first, then closes the store.
     */
    public static LineageStore open(Path file) {
        return open(file, null);
    }

    /**
     * As {@link #open(Path)}, the file encrypted with H2's AES cipher under {@code password} (null: not encrypted).
     * H2 takes "file password, space, user password": the one password serves as both, so it may hold no space.
     * A wrong password, or a password for a plain index (or none for an encrypted one), is said in those words.
     */
    public static LineageStore open(Path file, char[] password) {
        String url = "jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE" + (password == null ? "" : ";CIPHER=AES");
        try {
            return new LineageStore(DriverManager.getConnection(url, "sa", password == null ? "" : h2Passwords(password)));
        } catch (SQLException e) {
            if (wrongPassword(e)) {
                throw new LineageStoreException("Cannot open the lineage index " + file + ": " + (password == null
                        ? "it is encrypted; give its password (--index-password-env NAME, or FEEDLENS_INDEX_PASSWORD)"
                        : "the password is wrong, or the index is not encrypted"), e);
            }
            throw new LineageStoreException("Cannot open the lineage index " + file + ": " + e.getMessage(), e);
        }
    }

    private static String h2Passwords(char[] password) {
        String text = new String(password);
        if (text.isEmpty() || text.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("An index password must not be empty or hold spaces (H2 separates its two passwords with one)");
        }
        return text + " " + text;
    }

    /** H2's answers to a wrong or missing file password: a wrong password, an encryption error, or an unreadable file. */
    private static boolean wrongPassword(SQLException e) {
        int code = e.getErrorCode();
        return code == org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD || code == org.h2.api.ErrorCode.FILE_ENCRYPTION_ERROR_1
                || code == org.h2.api.ErrorCode.FILE_CORRUPTED_1 || code == org.h2.api.ErrorCode.WRONG_PASSWORD_FORMAT;
    }

    /** Opens the index on a connection someone else made (a PostgreSQL database shared by several indexers). */
    public static LineageStore on(Connection connection) {
        try {
            return new LineageStore(connection);
        } catch (SQLException e) {
            throw new LineageStoreException("Cannot prepare the lineage index: " + e.getMessage(), e);
        }
    }

    public synchronized int schemaVersion() {
        try (Statement statement = connection.createStatement()) {
            return StoreSchema.version(statement);
        } catch (SQLException e) {
            throw new LineageStoreException("Cannot read the index's schema version", e);
        }
    }

    /** Rows and the next offsets to read, committed together or not at all. */
    public synchronized void write(List<IndexedRecord> records, List<SkippedRecord> skipped, List<PartitionPosition> positions) {
        try {
            connection.setAutoCommit(false);
            new BatchWriter(connection, topics, names).write(records, skipped);
            savePositions(positions);
            connection.commit();
            topics.committed();
            names.committed();
        } catch (SQLException | RuntimeException e) {
            rollBack();
            throw new LineageStoreException("Could not write a batch of " + records.size() + " lineage records: " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    private void savePositions(List<PartitionPosition> positions) throws SQLException {
        // UPDATE then INSERT rather than MERGE: the same two statements run on H2 and PostgreSQL.
        try (PreparedStatement update = connection.prepareStatement("UPDATE index_offsets SET next_offset = ? WHERE topic = ? AND part = ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO index_offsets (topic, part, next_offset) VALUES (?, ?, ?)")) {
            for (PartitionPosition position : positions) {
                update.setLong(1, position.nextOffset());
                update.setString(2, position.topic());
                update.setInt(3, position.partition());
                if (update.executeUpdate() == 0) {
                    insert.setString(1, position.topic());
                    insert.setInt(2, position.partition());
                    insert.setLong(3, position.nextOffset());
                    insert.executeUpdate();
                }
            }
        }
    }

    /**
     * Before a long catch-up: drops the lookup indexes so the load runs at H2's append speed. Traces are slow until
     * {@link #buildLookupIndexes}; a process killed in between gets them back on its next open.
     */
    public synchronized void dropLookupIndexes() {
        try (Statement statement = connection.createStatement()) {
            for (String index : StoreSchema.secondaryIndexNames()) {
                statement.execute("DROP INDEX IF EXISTS " + index);
            }
        } catch (SQLException e) {
            throw new LineageStoreException("Cannot drop the index's lookup indexes: " + e.getMessage(), e);
        }
    }

    public synchronized void buildLookupIndexes() {
        try (Statement statement = connection.createStatement()) {
            for (String sql : StoreSchema.SECONDARY_INDEXES) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new LineageStoreException("Cannot build the index's lookup indexes: " + e.getMessage(), e);
        }
    }

    /**
     * Empties the index for a rebuild from the topics' beginning. People's flags on feature versions are kept: they
     * are judgements about the feed, not rows derived from it.
     */
    public synchronized void clear() {
        try (Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (String table : List.of("used_input", "derived_from", "skipped_record", "lineage_record", "index_offsets")) {
                statement.execute("DELETE FROM " + table);
            }
            connection.commit();
        } catch (SQLException e) {
            rollBack();
            throw new LineageStoreException("Cannot empty the lineage index: " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    /** Where the index stands per partition of {@code topic}: partition → next offset to read. */
    public synchronized Map<Integer, Long> positions(String topic) {
        Map<Integer, Long> positions = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT part, next_offset FROM index_offsets WHERE topic = ?")) {
            select.setString(1, topic);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    positions.put(rows.getInt(1), rows.getLong(2));
                }
            }
            return positions;
        } catch (SQLException e) {
            throw new LineageStoreException("Cannot read the index's offsets", e);
        }
    }

    /** Marks a feature view version as wrong; a second flag replaces the reason. */
    public synchronized void flag(FeatureVersion version, String reason, Instant at) {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM flagged_version WHERE view_name = ? AND view_version = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO flagged_version (view_name, view_version, reason, flagged_at_ms) VALUES (?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            delete.setString(1, version.view());
            delete.setInt(2, version.version());
            delete.executeUpdate();
            insert.setString(1, version.view());
            insert.setInt(2, version.version());
            insert.setString(3, reason);
            insert.setLong(4, at.toEpochMilli());
            insert.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            rollBack();
            throw new LineageStoreException("Cannot flag " + version + ": " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    /** Takes a flag back; nothing happens when the version was not flagged. */
    public synchronized void unflag(FeatureVersion version) {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM flagged_version WHERE view_name = ? AND view_version = ?")) {
            delete.setString(1, version.view());
            delete.setInt(2, version.version());
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new LineageStoreException("Cannot unflag " + version + ": " + e.getMessage(), e);
        }
    }

    public synchronized Optional<String> flagReason(FeatureVersion version) {
        return queries.flagReason(version);
    }

    /** Every record the indexer could not use, in key order, with its reason. */
    public synchronized List<SkippedRecord> skipped() {
        return queries.skipped();
    }

    /** Indexed records (copies included) per role name, plus "skipped". */
    public synchronized Map<String, Long> counts() {
        return queries.counts();
    }

    /** The read side, for the tracer and impact; call it under this store's lock via {@link #read}. */
    public synchronized <T> T read(java.util.function.Function<FactQueries, T> query) {
        return query.apply(queries);
    }

    private void rollBack() {
        topics.forgetPending();
        names.forgetPending();
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the next call will say so.
        }
    }

    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // As above.
        }
    }

    /**
     * Closes with H2's full compaction: the file shrinks to what the rows need (a load leaves chunks half-used).
     * Takes seconds on a big index, so only the indexer's normal end calls it. Closes every connection to this file.
     */
    public synchronized void compactAndClose() {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw new LineageStoreException("Cannot compact the lineage index: " + e.getMessage(), e);
        } finally {
            close();
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new LineageStoreException("Cannot close the lineage index", e);
        }
    }
}
