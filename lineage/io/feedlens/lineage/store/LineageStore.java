package io.feedlens.lineage.store;

import java.nio.file.Path;
import java.sql.Connection;
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
 * thread at a time (methods are synchronized); several stores (processes) may share one database (decision 12).
 */
public final class LineageStore implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LineageStore.class);

    private final NameTable topics = new NameTable("lineage_topic", RecordKeys.MAX_TOPICS);
    private final NameTable names = new NameTable("lineage_name", Integer.MAX_VALUE);
    private final ModelViews modelViews = new ModelViews();
    /** For a shared index; null when the store is alone on its database. */
    private final Reconnection reconnection;
    private Connection connection;
    private FactQueries queries;
    /** How many lookup blocks or runs a merge after a batch takes: more while catching up ({@link #catchingUp}). */
    private int mergeFanout = LookupRuns.FANOUT;
    /** Lookup entries of a catch-up, held in memory; only a store alone on its file holds any. */
    private final HeldLookups held;
    private final boolean alone;

    private LineageStore(Connection connection, Reconnection reconnection, boolean alone, int holdLimit) throws SQLException {
        this.reconnection = reconnection;
        this.alone = alone;
        this.held = new HeldLookups(holdLimit);
        StoreSchema.migrate(connection);
        use(connection);
    }

    private void use(Connection opened) throws SQLException {
        this.connection = opened;
        topics.load(opened);
        names.load(opened);
        modelViews.load(opened);
        this.queries = new FactQueries(opened, topics, names, held);
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
        return open(file, ";DB_CLOSE_ON_EXIT=FALSE", password, false, HeldLookups.LIMIT);
    }

    /** As {@link #open(Path)}, holding at most {@code holdLimit} lookup entries in memory while catching up: for tests. */
    static LineageStore open(Path file, int holdLimit) {
        return open(file, ";DB_CLOSE_ON_EXIT=FALSE", null, false, holdLimit);
    }

    /**
     * Opens the index for several processes on this machine at once (indexers of one consumer group, decision 12):
     * H2's automatic mixed mode, where the first process serves the file to the others over a TCP port guarded by a
     * random key in the lock file. Every process that shares the file must open it this way. H2 refuses to combine
     * this with {@code DB_CLOSE_ON_EXIT=FALSE}, so a stopped member's last open batch may be cut by H2's own shutdown
     * hook: it is then not committed, and the member that takes the partition over reads it again. When the serving
     * process ends, the others' connections break (an open transaction with them); a write or a position read then
     * reconnects, which makes one of them the new server, and tries once more. Members started together may open the
     * file at the same moment: the later one tries again ({@link IndexFile#whileOthersOpen}).
     */
    public static LineageStore openShared(Path file, char[] password) {
        return IndexFile.whileOthersOpen(() -> open(file, ";AUTO_SERVER=TRUE", password, true, HeldLookups.LIMIT));
    }

    public static LineageStore openShared(Path file) {
        return openShared(file, null);
    }

    private static LineageStore open(Path file, String options, char[] password, boolean reconnecting, int holdLimit) {
        IndexFile index = new IndexFile(file, options, password);
        try {
            Connection connection = index.connect();
            LineageStore store;
            try {
                store = new LineageStore(connection, reconnecting ? new Reconnection(index::connect) : null, !reconnecting, holdLimit);
            } catch (SQLException | RuntimeException e) {
                connection.close(); // a shared opening is tried again: the failed one must not keep the file open
                throw e;
            }
            try {
                if (!reconnecting) {
                    UncommittedTail.trim(store.connection, store.topics); // alone on the file: nobody else is mid-batch
                }
                // Entries a killed store held in memory (only a store alone holds any; it may be shared now).
                HeldLookups.recover(store.connection);
            } catch (SQLException e) {
                store.close();
                throw e;
            }
            return store;
        } catch (SQLException e) {
            throw index.cannotOpen(e);
        }
    }

    /** Opens the index on a connection someone else made (a PostgreSQL database shared by several indexers). */
    public static LineageStore on(Connection connection) {
        try {
            return new LineageStore(connection, null, false, HeldLookups.LIMIT);
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

    /**
     * Rows and the next offsets to read, committed together or not at all. On a shared index whose connection broke,
     * reconnects and writes the batch again: safe, since its positions are checked (a first attempt that did commit
     * makes the second fail with {@link PartitionMovedException}, and the indexer re-reads from the stored offsets).
     */
    public synchronized void write(List<IndexedRecord> records, List<SkippedRecord> skipped, List<PartitionPosition> positions) {
        try {
            writeOnce(records, skipped, positions);
            afterBatch();
        } catch (LineageStoreException e) {
            reconnectOrThrow(e);
            try {
                writeOnce(records, skipped, positions);
            } catch (LineageStoreException again) {
                // The connection broke during the commit, which the dying server still made: the rows are there. The
                // batch is then read again from the stored offsets, like a batch another member wrote.
                if (again.getCause() instanceof SQLException sql && PositionWriter.DUPLICATE_KEY.equals(sql.getSQLState())
                        && !positions.isEmpty()) {
                    throw new PartitionMovedException(positions.get(0), again);
                }
                throw again;
            }
        }
    }

    /**
     * Writes what is committed to the shared file before the writer goes on. H2 writes commits to its file in the
     * background, up to half a second later: a process serving the file that is killed takes the last commits of every
     * member with it, after each was told "committed". The member then went on from offsets and cached name ids the
     * file no longer holds, and could end with records never read again (decision 12's known defect). If the write
     * breaks, the batch may or may not be in the file: the retry's position check tells which.
     */
    private void persist() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        }
    }

    /** Returns after reconnecting when {@code failure} is a broken connection of a shared index; throws it otherwise. */
    private void reconnectOrThrow(LineageStoreException failure) {
        if (reconnection == null || failure instanceof PartitionMovedException) {
            throw failure;
        }
        reconnection.replace(connection, failure, this::use);
    }

    private void writeOnce(List<IndexedRecord> records, List<SkippedRecord> skipped, List<PartitionPosition> positions) {
        boolean committed = false;
        try {
            connection.setAutoCommit(false);
            // Positions first: their checked update locks the partitions' rows, so two writers of one partition queue
            // there and the later one finds the position moved before it inserts a single row.
            PositionWriter.save(connection, positions);
            new BatchWriter(connection, topics, names, modelViews, held).write(records, skipped);
            connection.commit();
            if (reconnection != null) {
                persist();
            }
            committed = true;
            held.committed();
            topics.committed();
            names.committed();
            modelViews.committed();
        } catch (PartitionMovedException e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            throw new LineageStoreException("Could not write a batch of " + records.size() + " lineage records: " + e.getMessage(), e);
        } finally {
            // On any failure, an Error too: turning auto-commit back on would commit the half-written batch with its
            // offsets, and the caches would keep ids and pairs that are not in the database.
            if (!committed) {
                rollBack();
            }
            autoCommit();
        }
    }

    /**
     * Says a long catch-up begins, to end with {@link #settleLookups}: until then the lookups are merged less often,
     * which writes less, and lookups read more pages meanwhile. A store alone on its file holds the lookup entries in
     * memory meanwhile ({@link HeldLookups}) instead of writing blocks.
     */
    public synchronized void catchingUp() {
        mergeFanout = LookupRuns.CATCH_UP_FANOUT;
        if (alone) {
            held.start();
        }
    }

    /** After a committed batch: held lookup entries written when there are enough, or blocks merged. */
    private void afterBatch() {
        if (held.holding()) {
            if (!held.full()) {
                return; // no block was written: nothing to merge
            }
            try {
                connection.setAutoCommit(false);
                held.write(connection);
                connection.commit();
                held.written();
            } catch (SQLException e) {
                rollBack();
                log.info("Writing the lineage index's held lookup entries was put off to the next batch: {}", e.getMessage());
                return;
            } finally {
                autoCommit();
            }
        }
        mergeLookups();
    }

    /**
     * After a long catch-up: writes the lookup entries held in memory, and merges each lookup's runs and blocks into
     * one run when the catch-up left more than a few ({@link LookupRuns#settle}). Without it lookups stay right, a few
     * pages slower.
     */
    public synchronized void settleLookups() {
        mergeFanout = LookupRuns.FANOUT;
        try {
            connection.setAutoCommit(false);
            if (!LookupRuns.settle(connection, held::of)) {
                rollBack(); // another indexer of a shared index is settling the same runs
                return;
            }
            if (held.holding()) {
                HeldLookups.deleteMarks(connection);
            }
            connection.commit();
            held.stop();
        } catch (SQLException e) {
            rollBack();
            throw new LineageStoreException("Cannot merge the index's lookups: " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    /**
     * Merges the lookup blocks that batches have gathered (LookupRuns). A failed merge is left for the next batch:
     * its transaction rolls back whole, and the blocks it read are still there.
     */
    private void mergeLookups() {
        try {
            connection.setAutoCommit(false);
            LookupRuns.compact(connection, mergeFanout);
        } catch (SQLException e) {
            rollBack();
            log.info("Merging the lineage index's lookup blocks was put off to the next batch: {}", e.getMessage());
        } finally {
            autoCommit();
        }
    }

    /**
     * Empties the index for a rebuild from the topics' beginning. People's flags on feature versions are kept: they
     * are judgements about the feed, not rows derived from it.
     */
    public synchronized void clear() {
        try (Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            List<String> derived = new java.util.ArrayList<>(StoreSchema.BATCH_TABLES);
            derived.addAll(StoreSchema.RECORD_TABLES);
            derived.addAll(StoreSchema.RECORD_BLOCK_TABLES);
            derived.addAll(StoreSchema.MERGED_TABLES);
            derived.addAll(List.of("model_view", "index_offsets"));
            for (String table : derived) {
                statement.execute("DELETE FROM " + table);
            }
            connection.commit();
            held.written();
            modelViews.load(connection); // the cache must forget the rows just deleted, or a rebuild would not write them again
        } catch (SQLException e) {
            rollBack();
            throw new LineageStoreException("Cannot empty the lineage index: " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    /** Where the index stands per partition of {@code topic}: partition → next offset to read. */
    public synchronized Map<Integer, Long> positions(String topic) {
        try {
            return positionsOnce(topic);
        } catch (LineageStoreException e) {
            reconnectOrThrow(e);
            return positionsOnce(topic);
        }
    }

    private Map<Integer, Long> positionsOnce(String topic) {
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
        held.forgetStaged();
        topics.forgetPending();
        names.forgetPending();
        modelViews.forgetPending();
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
