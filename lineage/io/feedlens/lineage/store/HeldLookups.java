package io.feedlens.lineage.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.feedlens.lineage.extract.ContentHash;

/**
 * The lookup entries of committed batches that are in no lookup table yet, held in memory while a store alone on its
 * file catches up (decision 11, "Lookups held in memory while catching up"). Written as blocks, each entry was
 * written four times at 10M records on its way to the settled run; held, a batch writes none, and every {@link #limit}
 * entries of a kind become one run straight from memory, which the end of the catch-up keeps unless it left many
 * ({@link LookupRuns#settle}): each entry is written once. Lookups read the held entries too, so a trace during the
 * catch-up sees every committed batch.
 *
 * <p>Kill safety: in the transaction of the first batch that holds entries of a partition, a row of
 * {@code lookup_held} marks the key its held entries begin at; the transaction that writes them as a run deletes the
 * marks. The entries follow from the records (fact id, feature view, entity, time), so a store opened after a kill
 * rebuilds the entries of every marked record from its record block ({@link #recover}) and writes them as a run.
 */
final class HeldLookups {

    /** Entries of a kind held before they are written as a run: 24 MB of arrays each. */
    static final int LIMIT = 1 << 20;
    static final String TABLE = "CREATE TABLE IF NOT EXISTS lookup_held (part_key BIGINT PRIMARY KEY, from_key BIGINT NOT NULL)";
    /** How many offsets of a marked partition {@link #recover} reads at a time. */
    private static final long RECOVERY_SPAN = 50_000;

    private final int limit;
    private final Map<LookupRuns.Kind, Held> held = new EnumMap<>(LookupRuns.Kind.class);
    /** Partitions (their {@link RecordKeys#partitionStart}) with a mark in the database. */
    private final Set<Long> marked = new HashSet<>();
    /** One batch's entries and marks, until its transaction commits. */
    private final Map<LookupRuns.Kind, LookupEntries> staged = new EnumMap<>(LookupRuns.Kind.class);
    private final Set<Long> stagedMarks = new HashSet<>();
    private boolean holding;

    HeldLookups(int limit) {
        this.limit = limit;
    }

    /**
     * The held entries of one kind: one set of arrays, allocated when holding starts, each batch's entries a sorted
     * segment of it. Arrays this large are allocated straight into the old generation and never copied: held a batch
     * at a time, the same entries were copied by every young collection until they were written (the collector's
     * share of the indexer rose by a third).
     */
    private static final class Held {
        private LookupEntries entries;
        private int[] ends = new int[64];
        private int segments;

        Held(int capacity) {
            entries = new LookupEntries(capacity);
        }

        void add(LookupEntries batch) {
            if (entries.size + batch.size > entries.k1.length) {
                entries = entries.copy(Math.max(entries.k1.length * 2, entries.size + batch.size));
            }
            System.arraycopy(batch.k1, 0, entries.k1, entries.size, batch.size);
            System.arraycopy(batch.k2, 0, entries.k2, entries.size, batch.size);
            System.arraycopy(batch.keys, 0, entries.keys, entries.size, batch.size);
            entries.size += batch.size;
            if (segments == ends.length) {
                ends = Arrays.copyOf(ends, segments * 2);
            }
            ends[segments++] = entries.size;
        }

        void collect(long k1, long from, long to, LookupEntries.Builder into) {
            for (int i = 0; i < segments; i++) {
                entries.collect(i == 0 ? 0 : ends[i - 1], ends[i], k1, from, to, into);
            }
        }

        /** Each segment as entries of its own, in order: the inputs of a merge. */
        List<LookupEntries> segments() {
            List<LookupEntries> copies = new ArrayList<>(segments);
            for (int i = 0; i < segments; i++) {
                copies.add(entries.slice(i == 0 ? 0 : ends[i - 1], ends[i]));
            }
            return copies;
        }

        void clear() {
            entries.size = 0;
            segments = 0;
        }
    }

    /** Holding begins: the arrays are made here, not with the store, which may never catch up. */
    void start() {
        if (!holding) {
            for (LookupRuns.Kind kind : LookupRuns.Kind.values()) {
                held.put(kind, new Held(limit + 4_096));
            }
            holding = true;
        }
    }

    boolean holding() {
        return holding;
    }

    /**
     * Keeps one batch's entries until {@link #committed}, and marks in the batch's transaction where each of its
     * partitions' held entries begin, unless an earlier batch did.
     */
    void hold(Connection connection, LookupEntries ids, LookupEntries asOf) throws SQLException {
        Map<Long, Long> firstKeys = new HashMap<>();
        for (int i = 0; i < ids.size; i++) { // every indexed record has an id entry
            long partition = RecordKeys.partitionStart(ids.keys[i]);
            if (!marked.contains(partition)) {
                firstKeys.merge(partition, ids.keys[i], Math::min);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO lookup_held (part_key, from_key) VALUES (?, ?)")) {
            for (Map.Entry<Long, Long> first : firstKeys.entrySet()) {
                insert.setLong(1, first.getKey());
                insert.setLong(2, first.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        staged.put(LookupRuns.Kind.ID, ids);
        staged.put(LookupRuns.Kind.AS_OF, asOf);
        stagedMarks.addAll(firstKeys.keySet());
    }

    /** The staged batch committed: its entries are now held, and lookups see them. */
    void committed() {
        staged.forEach((kind, entries) -> {
            if (entries.size > 0) {
                held.get(kind).add(entries);
            }
        });
        marked.addAll(stagedMarks);
        forgetStaged();
    }

    void forgetStaged() {
        staged.clear();
        stagedMarks.clear();
    }

    boolean full() {
        return holding && held.values().stream().anyMatch(kind -> kind.entries.size >= limit);
    }

    /** Adds the held entries of this kind with this k1 and a k2 in [from, to] to {@code into}. */
    void collect(LookupRuns.Kind kind, long k1, long from, long to, LookupEntries.Builder into) {
        if (holding) {
            held.get(kind).collect(k1, from, to, into);
        }
    }

    /** The held entries of a kind, each batch's in order. */
    List<LookupEntries> of(LookupRuns.Kind kind) {
        return holding ? held.get(kind).segments() : List.of();
    }

    /** Writes the held entries as one run of level 1 per kind and deletes the marks, in the caller's transaction. */
    void write(Connection connection) throws SQLException {
        for (LookupRuns.Kind kind : LookupRuns.Kind.values()) {
            LookupRuns.writeHeld(connection, kind, of(kind));
        }
        deleteMarks(connection);
    }

    /** Deletes the marks, in the caller's transaction, whose commit puts the held entries in the tables. */
    static void deleteMarks(Connection connection) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM lookup_held")) {
            delete.executeUpdate();
        }
    }

    /** The transaction that wrote the held entries into the tables committed: nothing is held or marked any more. */
    void written() {
        held.values().forEach(Held::clear);
        marked.clear();
    }

    /** After the catch-up's settle, which wrote everything held: batches write their own blocks again. */
    void stop() {
        written();
        held.clear();
        holding = false;
    }

    /**
     * Puts the lookup entries of the records a killed store held in memory into the tables: the records from each
     * mark to the end of its partition (a trim has removed what no batch committed), read from their blocks, written
     * as one run of level 1 per kind, with the marks deleted, in one transaction. Each mark's delete must find it: a
     * second process recovering the same marks at once rolls back instead of writing the entries twice.
     */
    static void recover(Connection connection) throws SQLException {
        Map<Long, Long> marks = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT part_key, from_key FROM lookup_held");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                marks.put(rows.getLong(1), rows.getLong(2));
            }
        }
        if (marks.isEmpty()) {
            return;
        }
        LookupEntries.Builder ids = new LookupEntries.Builder();
        LookupEntries.Builder asOf = new LookupEntries.Builder();
        for (Map.Entry<Long, Long> mark : marks.entrySet()) {
            long last = lastKey(connection, mark.getValue(), mark.getKey() + RecordKeys.MAX_OFFSET);
            for (long from = mark.getValue(); from <= last; from += RECOVERY_SPAN) {
                for (RecordBlocks.Row row : RecordBlocks.between(connection, from, Math.min(last, from + RECOVERY_SPAN - 1))) {
                    ids.add(ContentHash.lookupHash(row.factId()), 0, row.key());
                    if (row.viewId() != null && row.entity() != null) {
                        asOf.add(LookupRuns.viewEntity(row.viewId(), ContentHash.lookupHash(row.entity())), row.timeMs(), row.key());
                    }
                }
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM lookup_held WHERE part_key = ? AND from_key = ?")) {
            for (Map.Entry<Long, Long> mark : marks.entrySet()) {
                delete.setLong(1, mark.getKey());
                delete.setLong(2, mark.getValue());
                if (delete.executeUpdate() == 0) {
                    connection.rollback(); // another process recovered them first
                    return;
                }
            }
            LookupRuns.writeHeld(connection, LookupRuns.Kind.ID, List.of(ids.sorted()));
            LookupRuns.writeHeld(connection, LookupRuns.Kind.AS_OF, List.of(asOf.sorted()));
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The last record key in [from, to], or {@code from - 1} when there is none. */
    private static long lastKey(Connection connection, long from, long to) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT MAX(last_key) FROM record_block WHERE last_key BETWEEN ? AND ?")) {
            select.setLong(1, from);
            select.setLong(2, to);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                long last = rows.getLong(1);
                return rows.wasNull() ? from - 1 : last;
            }
        }
    }
}
