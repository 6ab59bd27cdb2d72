package io.feedlens.lineage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lookups as sorted runs: what batches write is found at every stage of merging, and merges stay bounded. */
class LookupRunsTest {

    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:lookup-runs-" + System.nanoTime(), "sa", "");
        try (Statement sql = connection.createStatement()) {
            for (String table : LookupRuns.TABLES) {
                sql.execute(table);
            }
        }
        connection.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void entriesAreSortedByFirstThenSecondThenRecordKey() {
        Random random = new Random(11);
        LookupEntries.Builder builder = new LookupEntries.Builder();
        List<long[]> added = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            // Few distinct values, so equal firsts and seconds are common and every tie-break is exercised.
            long[] entry = {random.nextInt(40) - 20, random.nextInt(5), random.nextInt(1_000)};
            added.add(entry);
            builder.add(entry[0], entry[1], entry[2]);
        }
        added.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]).thenComparingLong(e -> e[2]));

        LookupEntries sorted = builder.sorted();

        assertThat(sorted.size).isEqualTo(added.size());
        for (int i = 0; i < sorted.size; i++) {
            assertThat(new long[] {sorted.k1[i], sorted.k2[i], sorted.keys[i]}).as("entry %d", i).containsExactly(added.get(i));
        }
    }

    @Test
    void aLookupInPackedEntriesFindsWhatTheUnpackedEntriesHold() {
        Random random = new Random(5);
        LookupEntries.Builder builder = new LookupEntries.Builder();
        for (int i = 0; i < 2_000; i++) {
            builder.add(random.nextInt(600) - 300, random.nextInt(50), random.nextLong());
        }
        byte[] packed = builder.sorted().pack(0, 2_000);
        LookupEntries all = LookupEntries.unpack(packed);

        for (long k1 = -302; k1 <= 302; k1++) {
            long from = random.nextInt(25);
            long to = from + random.nextInt(30);
            LookupEntries.Builder found = new LookupEntries.Builder();
            LookupEntries.collect(packed, k1, from, to, found);
            List<long[]> expected = new ArrayList<>();
            for (int i = 0; i < all.size; i++) {
                if (all.k1[i] == k1 && all.k2[i] >= from && all.k2[i] <= to) {
                    expected.add(new long[] {all.k1[i], all.k2[i], all.keys[i]});
                }
            }
            LookupEntries inOrder = found.sorted();
            assertThat(inOrder.size).as("k1 %d", k1).isEqualTo(expected.size());
            for (int i = 0; i < inOrder.size; i++) {
                assertThat(new long[] {inOrder.k1[i], inOrder.k2[i], inOrder.keys[i]}).containsExactly(expected.get(i));
            }
        }
    }

    @Test
    void everyKeyIsFoundWhileBlocksMergeIntoRunsAndAfterACatchUpEnds() throws SQLException {
        mergeThenSettle(LookupRuns.FANOUT);
    }

    /** While catching up the merges take more at a time; the lookups find the same. */
    @Test
    void everyKeyIsFoundWhileMergingThirtyTwoAtATimeAsACatchUpDoes() throws SQLException {
        mergeThenSettle(LookupRuns.CATCH_UP_FANOUT);
    }

    private void mergeThenSettle(int fanout) throws SQLException {
        Random random = new Random(7);
        Map<Long, List<Long>> keysById = new HashMap<>();
        long key = 0;
        int batches = fanout * fanout + 2 * fanout + 3; // a run of level 2, two of level 1, three blocks
        for (int batch = 0; batch < batches; batch++) {
            LookupEntries.Builder ids = new LookupEntries.Builder();
            for (int i = 0; i < 300; i++) {
                // Collisions on purpose, about five records a hash: some hashes lead to several records.
                long hash = random.nextInt(batches * 60) - batches * 30;
                ids.add(hash, 0, ++key);
                keysById.computeIfAbsent(hash, h -> new ArrayList<>()).add(key);
            }
            LookupRuns.write(connection, LookupRuns.Kind.ID, ids);
            connection.commit();
            LookupRuns.compact(connection, fanout);
            assertThat(count("lookup_block")).as("blocks waiting for a merge").isLessThan(fanout);
        }
        assertThat(levels()).as("runs of level 1 and 2, fewer than the fan-out on each").containsOnlyKeys(1, 2)
                .allSatisfy((level, runs) -> assertThat(runs).isLessThan(fanout));
        assertFound(keysById);

        // Six inputs, no more than SETTLE_ABOVE: kept as they are, the runs out of reach of the small merges.
        LookupRuns.settle(connection, kind -> List.of());
        connection.commit();
        assertThat(count("lookup_block")).isEqualTo(3);
        assertThat(levels()).containsExactly(Map.entry(LookupRuns.SETTLED, 3L));
        LookupRuns.compact(connection, LookupRuns.FANOUT);
        assertThat(levels()).as("after the next batch's merges").containsExactly(Map.entry(LookupRuns.SETTLED, 3L));
        assertFound(keysById);
    }

    @Test
    void aCatchUpThatLeftManyBlocksAndRunsMergesThemIntoOne() throws SQLException {
        Random random = new Random(9);
        Map<Long, List<Long>> keysById = new HashMap<>();
        long key = 0;
        for (int batch = 0; batch <= LookupRuns.SETTLE_ABOVE; batch++) {
            LookupEntries.Builder ids = new LookupEntries.Builder();
            for (int i = 0; i < 300; i++) {
                long hash = random.nextInt(2_000) - 1_000;
                ids.add(hash, 0, ++key);
                keysById.computeIfAbsent(hash, h -> new ArrayList<>()).add(key);
            }
            LookupRuns.write(connection, LookupRuns.Kind.ID, ids);
        }
        connection.commit();

        LookupRuns.settle(connection, kind -> List.of());
        connection.commit();
        assertThat(count("lookup_block")).isZero();
        assertThat(levels()).containsExactly(Map.entry(LookupRuns.SETTLED, 1L));
        // A page holds PAGE entries, and a few more where it would otherwise split one hash's entries.
        assertThat(count("lookup_page")).as("pages of about PAGE entries").isBetween(key / (LookupRuns.PAGE + 16), key / LookupRuns.PAGE + 1);
        assertFound(keysById);
        assertThat(LookupRuns.find(connection, LookupRuns.Kind.ID, 99_999, 0, 0, new LookupEntries.Builder()).size).as("a hash nobody has").isZero();
    }

    @Test
    void entriesOfOneKeyAreNeverSplitAcrossPages() throws SQLException {
        LookupEntries.Builder entries = new LookupEntries.Builder();
        for (int i = 0; i < 3_000; i++) {
            entries.add(i % 2 == 0 ? 42 : i, 0, i);
        }
        LookupRuns.writeHeld(connection, LookupRuns.Kind.ID, List.of(entries.sorted()));
        connection.commit();

        assertThat(count("lookup_page")).as("pages").isGreaterThan(1);
        assertThat(LookupRuns.find(connection, LookupRuns.Kind.ID, 42, 0, 0, new LookupEntries.Builder()).size).isEqualTo(1_500);
        assertThat(LookupRuns.find(connection, LookupRuns.Kind.ID, 2_999, 0, 0, new LookupEntries.Builder()).size).isEqualTo(1);
    }

    @Test
    void asOfEntriesAreFoundInTheirTimeRangeInTimeOrder() throws SQLException {
        long card = LookupRuns.viewEntity(3, -77);
        LookupEntries.Builder entries = new LookupEntries.Builder();
        entries.add(card, 3_000, 30);
        entries.add(card, 1_000, 10);
        entries.add(card, 2_000, 20);
        entries.add(LookupRuns.viewEntity(3, 77), 2_000, 99);
        entries.add(LookupRuns.viewEntity(4, -77), 2_000, 98);
        LookupRuns.write(connection, LookupRuns.Kind.AS_OF, entries);
        connection.commit();

        LookupEntries found = LookupRuns.find(connection, LookupRuns.Kind.AS_OF, card, 1_500, 3_000, new LookupEntries.Builder());
        assertThat(found.size).isEqualTo(2);
        assertThat(new long[] {found.keys[0], found.keys[1]}).containsExactly(20, 30);
        assertThat(LookupRuns.find(connection, LookupRuns.Kind.ID, card, 0, Long.MAX_VALUE, new LookupEntries.Builder()).size).as("another kind").isZero();
    }

    private void assertFound(Map<Long, List<Long>> keysById) throws SQLException {
        for (Map.Entry<Long, List<Long>> id : keysById.entrySet()) {
            LookupEntries found = LookupRuns.find(connection, LookupRuns.Kind.ID, id.getKey(), 0, 0, new LookupEntries.Builder());
            List<Long> keys = new ArrayList<>();
            for (int i = 0; i < found.size; i++) {
                keys.add(found.keys[i]);
            }
            assertThat(keys).as("hash %d", id.getKey()).containsExactlyElementsOf(id.getValue());
        }
    }

    private long count(String table) throws SQLException {
        try (Statement sql = connection.createStatement(); var rows = sql.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Map<Integer, Long> levels() throws SQLException {
        Map<Integer, Long> levels = new HashMap<>();
        try (Statement sql = connection.createStatement(); var rows = sql.executeQuery("SELECT lvl, COUNT(*) FROM lookup_run GROUP BY lvl")) {
            while (rows.next()) {
                levels.put(rows.getInt(1), rows.getLong(2));
            }
        }
        return levels;
    }
}
