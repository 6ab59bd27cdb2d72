package io.feedlens.lineage.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The two lookups that go by a hash — a fact id to its records, a feature view and entity to its records over time —
 * kept as sorted runs instead of one H2 row and one index entry per record (decision 11, schema 8). A row per record
 * cost the indexer's writer as much as the record's own row, and the indexes on random hashes had to be dropped for
 * a catch-up and built at its end, a fifth of the load.
 *
 * <p>Each batch writes its entries, sorted, as one row of {@code lookup_block} per kind, in the batch's transaction
 * (kill safety is the batch's; keyed by the batch's smallest record key, so a trim past the stored offsets finds it).
 * When {@link #FANOUT} blocks of a kind have gathered, they are merged into a run of level 1; when {@link #FANOUT}
 * runs of one level have gathered, into one run of the next level. A run is pages of sorted entries, each page keyed
 * by its last k1 and never splitting the entries of one k1, so a lookup reads one page per run. The end of a long
 * catch-up merges everything of a kind into one run when it left more than a few ({@link #settle}). Merges delete
 * exactly the inputs they read, and give up when one is gone already: indexers sharing one database may try the same
 * merge at once. While a store alone on its file catches up, batches write no blocks: their entries are held in
 * memory ({@link HeldLookups}) and written as runs of level 1 straight from there.
 */
final class LookupRuns {

    /** What a lookup goes by. */
    enum Kind {
        /** k1 = the fact id's lookup hash, k2 = 0. */
        ID,
        /** k1 = {@link #viewEntity}, k2 = the feature's time. */
        AS_OF;

        short code() {
            return (short) (ordinal() + 1);
        }
    }

    static final int FANOUT = 8;
    /**
     * The fan-out while the indexer catches up on a long backlog, which ends with {@link #settle}: each entry is then
     * rewritten twice on the way instead of four times at 10M records (the merges were a fifth of the writer's CPU and
     * more of H2's writing), and a lookup meanwhile reads up to 31 blocks and 31 runs of each level.
     */
    static final int CATCH_UP_FANOUT = 32;
    /**
     * The level of the runs a catch-up left (or converted from schema 7): above any level the merges after each batch
     * reach, so a small merge never rewrites them; a later {@link #settle} takes them in when there are many.
     */
    static final int SETTLED = 100;
    /**
     * How many runs and blocks of a kind a catch-up may leave without merging them into one ({@link #settle}). The
     * merge rewrites every entry once more: 4.5–5 s of a 45–50 s load at 10M records, for traces of 1.3 ms (p50)
     * instead of 2.4–3.6. Held in memory while catching up, a million entries make one run, so 10M records leave
     * about ten.
     */
    static final int SETTLE_ABOVE = 16;
    static final int PAGE = 256;

    static final List<String> TABLES = List.of(
            "CREATE TABLE IF NOT EXISTS lookup_block (kind SMALLINT NOT NULL, first_key BIGINT NOT NULL, entries BYTEA NOT NULL,"
                    + " PRIMARY KEY (kind, first_key))",
            "CREATE TABLE IF NOT EXISTS lookup_run (kind SMALLINT NOT NULL, run BIGINT NOT NULL, lvl INT NOT NULL, PRIMARY KEY (kind, run))",
            // Keyed by a page's last k1: the page that may hold a k1 is the first whose last is not below it. Queries
            // order by the whole key: H2 then reads its index in order and stops at the first row; ordered by last_k1
            // alone, it read every page past the one asked for.
            "CREATE TABLE IF NOT EXISTS lookup_page (kind SMALLINT NOT NULL, run BIGINT NOT NULL, last_k1 BIGINT NOT NULL,"
                    + " entries BYTEA NOT NULL, PRIMARY KEY (kind, run, last_k1))");

    private LookupRuns() {
    }

    /**
     * The as-of key of a feature view and an entity's lookup hash. Adding (not or-ing) the signed hash keeps the order
     * of (view, hash) that SQL's ORDER BY gives, so schema 7's rows convert in their index's order.
     */
    static long viewEntity(int viewId, long entityHash) {
        return ((long) viewId << 32) + entityHash;
    }

    /** One batch's entries of a kind, in the caller's transaction; nothing when there are none. */
    static void write(Connection connection, Kind kind, LookupEntries.Builder entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        LookupEntries sorted = entries.sorted();
        long first = Long.MAX_VALUE;
        for (int i = 0; i < sorted.size; i++) {
            first = Math.min(first, sorted.keys[i]);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO lookup_block (kind, first_key, entries) VALUES (?, ?, ?)")) {
            insert.setShort(1, kind.code());
            insert.setLong(2, first);
            insert.setBytes(3, sorted.pack(0, sorted.size));
            insert.executeUpdate();
        }
    }

    /**
     * The entries of this kind with this k1 and a k2 in [from, to], in order: those in the tables and those already
     * {@code found} (held in memory, {@link HeldLookups}). Callers compare what they find with the record (hashes collide).
     */
    static LookupEntries find(Connection connection, Kind kind, long k1, long from, long to, LookupEntries.Builder found) throws SQLException {
        try (PreparedStatement page = connection.prepareStatement("SELECT entries FROM lookup_page WHERE kind = ? AND run = ?"
                     + " AND last_k1 >= ? ORDER BY kind, run, last_k1 LIMIT 1");
             PreparedStatement blocks = connection.prepareStatement("SELECT entries FROM lookup_block WHERE kind = ?")) {
            page.setShort(1, kind.code());
            page.setLong(3, k1);
            for (long run : runs(connection, kind)) {
                page.setLong(2, run);
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        LookupEntries.collect(rows.getBytes(1), k1, from, to, found);
                    }
                }
            }
            blocks.setShort(1, kind.code());
            try (ResultSet rows = blocks.executeQuery()) {
                while (rows.next()) {
                    LookupEntries.collect(rows.getBytes(1), k1, from, to, found);
                }
            }
        }
        return found.sorted();
    }

    /**
     * After a batch: merges what has gathered, {@code fanout} blocks or runs of a level at a time, each merge in a
     * transaction of its own (the caller's connection in manual commit).
     */
    static void compact(Connection connection, int fanout) throws SQLException {
        for (Kind kind : Kind.values()) {
            List<Long> blocks = blocks(connection, kind);
            if (blocks.size() >= fanout) {
                merge(connection, kind, blocks, List.of(), 1);
            }
            for (int level = 1; ; level++) {
                List<Long> runs = runs(connection, kind, level);
                if (runs.isEmpty()) {
                    break;
                }
                if (runs.size() >= fanout) {
                    merge(connection, kind, List.of(), runs, level + 1);
                }
            }
        }
    }

    /**
     * Ends a long catch-up, in the caller's transaction. Per kind, the entries {@code held} in memory become a run;
     * then up to {@link #SETTLE_ABOVE} runs and blocks are kept as they are, their runs moved to {@link #SETTLED} so
     * that the small merges after each batch leave them alone, and more are merged into one settled run, so a lookup
     * reads at most that many pages. False when another indexer merged some of the same first: the caller rolls back
     * (that indexer's settle takes them in).
     */
    static boolean settle(Connection connection, Function<Kind, List<LookupEntries>> held) throws SQLException {
        for (Kind kind : Kind.values()) {
            List<LookupEntries> inMemory = held.apply(kind);
            List<Long> blocks = blocks(connection, kind);
            List<Long> runs = runs(connection, kind);
            int inputs = blocks.size() + runs.size() + (inMemory.isEmpty() ? 0 : 1);
            if (inputs > SETTLE_ABOVE) {
                if (!mergeInto(connection, kind, inMemory, blocks, runs, SETTLED)) {
                    return false;
                }
            } else {
                mergeInto(connection, kind, inMemory, List.of(), List.of(), SETTLED);
                try (PreparedStatement settled = connection.prepareStatement("UPDATE lookup_run SET lvl = ? WHERE kind = ?")) {
                    settled.setInt(1, SETTLED);
                    settled.setShort(2, kind.code());
                    settled.executeUpdate();
                }
            }
        }
        return true;
    }

    /** Writes entries held in memory (each list in order) as one run of level 1, in the caller's transaction. */
    static void writeHeld(Connection connection, Kind kind, List<LookupEntries> held) throws SQLException {
        mergeInto(connection, kind, held, List.of(), List.of(), 1);
    }

    /** Merges these blocks and runs into one new run of {@code level} in a transaction of its own. */
    private static void merge(Connection connection, Kind kind, List<Long> blocks, List<Long> runs, int level) throws SQLException {
        try {
            if (mergeInto(connection, kind, List.of(), blocks, runs, level)) {
                connection.commit();
            } else {
                connection.rollback(); // another indexer merged some of these first: its run holds them
            }
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /**
     * Writes the entries held in memory and those of these blocks and runs as one new run of {@code level}, then
     * deletes the blocks and runs, in the caller's transaction; false, with the deletes short, when another indexer
     * deleted one of them first.
     */
    private static boolean mergeInto(Connection connection, Kind kind, List<LookupEntries> held, List<Long> blocks, List<Long> runs,
                                     int level) throws SQLException {
        RunMerge.write(connection, kind, nextRun(connection, kind), level, held, blocks, runs);
        if (deleted(connection, "DELETE FROM lookup_block WHERE kind = ? AND first_key = ?", kind, blocks) < blocks.size()
                || deleted(connection, "DELETE FROM lookup_run WHERE kind = ? AND run = ?", kind, runs) < runs.size()) {
            return false;
        }
        deleted(connection, "DELETE FROM lookup_page WHERE kind = ? AND run = ?", kind, runs);
        return true;
    }

    private static int deleted(Connection connection, String sql, Kind kind, List<Long> ids) throws SQLException {
        int deleted = 0;
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setShort(1, kind.code());
            for (long id : ids) {
                delete.setLong(2, id);
                deleted += delete.executeUpdate();
            }
        }
        return deleted;
    }

    private static long nextRun(Connection connection, Kind kind) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COALESCE(MAX(run), 0) + 1 FROM lookup_run WHERE kind = ?")) {
            select.setShort(1, kind.code());
            return longs(select).get(0);
        }
    }

    private static List<Long> blocks(Connection connection, Kind kind) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT first_key FROM lookup_block WHERE kind = ? ORDER BY first_key")) {
            select.setShort(1, kind.code());
            return longs(select);
        }
    }

    private static List<Long> runs(Connection connection, Kind kind) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT run FROM lookup_run WHERE kind = ? ORDER BY run")) {
            select.setShort(1, kind.code());
            return longs(select);
        }
    }

    private static List<Long> runs(Connection connection, Kind kind, int level) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT run FROM lookup_run WHERE kind = ? AND lvl = ? ORDER BY run")) {
            select.setShort(1, kind.code());
            select.setInt(2, level);
            return longs(select);
        }
    }

    private static List<Long> longs(PreparedStatement select) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
        }
        return values;
    }

    /** Every entry of a kind in the tables (blocks, then pages), in no order: for checks that two indexes agree. */
    static List<LookupEntries> all(Connection connection, Kind kind) throws SQLException {
        List<LookupEntries> all = new ArrayList<>();
        for (String table : List.of("lookup_block", "lookup_page")) {
            try (PreparedStatement select = connection.prepareStatement("SELECT entries FROM " + table + " WHERE kind = ?")) {
                select.setShort(1, kind.code());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        all.add(LookupEntries.unpack(rows.getBytes(1)));
                    }
                }
            }
        }
        return all;
    }

    /**
     * Writes rows already sorted (schema 7's lookup tables, read in their index's order: k1, k2, record key) as one
     * settled run.
     */
    static void convert(Connection connection, Kind kind, String select) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(select);
             RunMerge.RunWriter writer = new RunMerge.RunWriter(connection, kind, nextRun(connection, kind), SETTLED)) {
            while (rows.next()) {
                writer.add(rows.getLong(1), rows.getLong(2), rows.getLong(3));
            }
        }
    }
}
