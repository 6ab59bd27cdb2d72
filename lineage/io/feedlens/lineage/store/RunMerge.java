package io.feedlens.lineage.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.PriorityQueue;

import io.feedlens.lineage.store.LookupRuns.Kind;

/**
 * Merges sorted inputs of lookup entries (entries held in memory, blocks, runs) into the pages of one new run
 * ({@link LookupRuns}), reading one page of each input at a time, so a merge holds one page per input however large
 * the runs are.
 */
final class RunMerge {

    private RunMerge() {
    }

    /** Writes the entries of these inputs, in order, as run {@code run} of {@code level}; deletes nothing. */
    static void write(Connection connection, Kind kind, long run, int level, List<LookupEntries> held, List<Long> blocks,
                      List<Long> runs) throws SQLException {
        PriorityQueue<Cursor> queue = new PriorityQueue<>();
        for (LookupEntries entries : held) {
            new Cursor(inMemory(entries)).offerTo(queue);
        }
        for (long block : blocks) {
            new Cursor(block(connection, kind, block)).offerTo(queue);
        }
        for (long input : runs) {
            new Cursor(run(connection, kind, input)).offerTo(queue);
        }
        try (RunWriter writer = new RunWriter(connection, kind, run, level)) {
            while (!queue.isEmpty()) {
                Cursor cursor = queue.poll();
                writer.add(cursor.k1, cursor.k2, cursor.key);
                cursor.offerTo(queue);
            }
        }
    }

    /** Pages of one new run, written as entries arrive in order; the run's own row last, when it is closed. */
    static final class RunWriter implements AutoCloseable {
        private final PreparedStatement pages;
        private final Connection connection;
        private final Kind kind;
        private final long run;
        private final int level;
        private final LookupEntries.Builder page = new LookupEntries.Builder();

        RunWriter(Connection connection, Kind kind, long run, int level) throws SQLException {
            this.connection = connection;
            this.kind = kind;
            this.run = run;
            this.level = level;
            this.pages = connection.prepareStatement("INSERT INTO lookup_page (kind, run, last_k1, entries) VALUES (?, ?, ?, ?)");
        }

        void add(long k1, long k2, long key) throws SQLException {
            // A page ends only where k1 changes, so the entries of one k1 are always on one page.
            if (page.size() >= LookupRuns.PAGE && page.lastFirst() != k1) {
                flush();
            }
            page.add(k1, k2, key);
        }

        private void flush() throws SQLException {
            LookupEntries entries = page.inOrder();
            pages.setShort(1, kind.code());
            pages.setLong(2, run);
            pages.setLong(3, entries.k1[entries.size - 1]);
            pages.setBytes(4, entries.pack(0, entries.size));
            pages.executeUpdate();
            page.clear();
        }

        @Override
        public void close() throws SQLException {
            try (pages; PreparedStatement header = connection.prepareStatement("INSERT INTO lookup_run (kind, run, lvl) VALUES (?, ?, ?)")) {
                if (page.isEmpty()) {
                    return; // nothing was merged: no run
                }
                flush();
                header.setShort(1, kind.code());
                header.setLong(2, run);
                header.setInt(3, level);
                header.executeUpdate();
            }
        }
    }

    /** The pages of one sorted input of a merge, in order: the next page, or null at the end. */
    @FunctionalInterface
    private interface Pages {
        LookupEntries next() throws SQLException;
    }

    /** Entries held in memory: one page. */
    private static Pages inMemory(LookupEntries entries) {
        return once(() -> entries);
    }

    /** A block's entries: one page. */
    private static Pages block(Connection connection, Kind kind, long firstKey) {
        return once(() -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT entries FROM lookup_block WHERE kind = ? AND first_key = ?")) {
                select.setShort(1, kind.code());
                select.setLong(2, firstKey);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? LookupEntries.unpack(rows.getBytes(1)) : null;
                }
            }
        });
    }

    /** An input of one page, read when the merge first asks for it. */
    private static Pages once(Pages page) {
        boolean[] read = {false};
        return () -> {
            if (read[0]) {
                return null;
            }
            read[0] = true;
            return page.next();
        };
    }

    /** A run's pages, read one at a time, so a merge holds one page per input however large the runs are. */
    private static Pages run(Connection connection, Kind kind, long run) {
        long[] after = {Long.MIN_VALUE}; // no k1 is this small: ids hash to 32 bits, views start at 1
        return () -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT last_k1, entries FROM lookup_page"
                    + " WHERE kind = ? AND run = ? AND last_k1 > ? ORDER BY kind, run, last_k1 LIMIT 1")) {
                select.setShort(1, kind.code());
                select.setLong(2, run);
                select.setLong(3, after[0]);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return null;
                    }
                    after[0] = rows.getLong(1);
                    return LookupEntries.unpack(rows.getBytes(2));
                }
            }
        };
    }

    /** One sorted input of a merge, at its current entry. */
    private static final class Cursor implements Comparable<Cursor> {
        private final Pages pages;
        private LookupEntries entries;
        private int next;
        long k1;
        long k2;
        long key;

        Cursor(Pages pages) {
            this.pages = pages;
        }

        /** Moves to the next entry and queues this cursor again, unless it is at its end. */
        void offerTo(PriorityQueue<Cursor> queue) throws SQLException {
            while (entries == null || next == entries.size) {
                entries = pages.next();
                next = 0;
                if (entries == null) {
                    return;
                }
            }
            k1 = entries.k1[next];
            k2 = entries.k2[next];
            key = entries.keys[next];
            next++;
            queue.add(this);
        }

        @Override
        public int compareTo(Cursor other) {
            return LookupEntries.compare(k1, k2, key, other.k1, other.k2, other.key);
        }
    }
}
