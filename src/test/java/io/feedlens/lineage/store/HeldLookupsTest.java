package io.feedlens.lineage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.model.FeatureVersion;
import io.feedlens.lineage.model.IndexedRecord;
import io.feedlens.lineage.model.LineageFact;
import io.feedlens.lineage.model.PartitionPosition;
import io.feedlens.lineage.model.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store alone on its file holds a catch-up's lookup entries in memory (HeldLookups): lookups find every committed
 * batch all the way, and a store closed without its settle, as a kill leaves it, gets the held entries back from the
 * records when it is opened again.
 */
class HeldLookupsTest {

    /** Entries of a kind held before they are written as a run: a batch has 9 ids, so every third batch writes. */
    private static final int LIMIT = 20;
    private static final int PER_PARTITION = 3;

    @TempDir
    Path folder;

    /** Three records in each of payments/0, payments/1 and features/0; the features carry a view and an entity. */
    private static List<IndexedRecord> batch(int batch) {
        List<IndexedRecord> records = new ArrayList<>();
        for (int i = 0; i < PER_PARTITION; i++) {
            long offset = (long) batch * PER_PARTITION + i;
            for (int partition = 0; partition < 2; partition++) {
                records.add(new IndexedRecord(new LineageFact(Role.EVENT, new RecordCoordinates("payments", partition, offset), "/gw",
                        "e-" + partition + "-" + offset, "card-1", Instant.ofEpochMilli(offset), null, null, null, null, 1L), List.of(), List.of()));
            }
            records.add(new IndexedRecord(new LineageFact(Role.FEATURE, new RecordCoordinates("features", 0, offset), "/features",
                    "f-" + offset, "card-" + (offset % 2), Instant.ofEpochMilli(offset * 1_000), new FeatureVersion("velocity", 1), null,
                    null, (double) offset, 2L), List.of(), List.of()));
        }
        return records;
    }

    private static List<PartitionPosition> positions(int batch) {
        long next = (long) (batch + 1) * PER_PARTITION;
        return List.of(new PartitionPosition("payments", 0, next), new PartitionPosition("payments", 1, next),
                new PartitionPosition("features", 0, next));
    }

    @Test
    void everyCommittedBatchIsFoundWhileItsEntriesAreHeldAndAfterTheSettle() throws Exception {
        Path file = folder.resolve("held");
        try (LineageStore store = LineageStore.open(file, LIMIT)) {
            store.catchingUp();
            for (int batch = 0; batch < 7; batch++) {
                store.write(batch(batch), List.of(), positions(batch));
                assertFindsBatchesUpTo(store, batch);
            }
            store.settleLookups();
            assertFindsBatchesUpTo(store, 6);
        }
        assertThat(count(file, "SELECT COUNT(*) FROM lookup_held")).as("marks left after the settle").isZero();
        assertThat(count(file, "SELECT COUNT(*) FROM lookup_run WHERE lvl <> " + LookupRuns.SETTLED)).as("runs besides the settled ones").isZero();
        assertThat(count(file, "SELECT COUNT(*) FROM lookup_block")).as("blocks").isZero();
        assertThat(entries(file)).isEqualTo(entries(writtenWithoutHolding(7)));
    }

    @Test
    void entriesHeldWhenTheStoreStoppedWithoutItsSettleAreRebuiltFromTheRecordsWhenItIsOpenedAgain() throws Exception {
        Path file = folder.resolve("stopped");
        try (LineageStore store = LineageStore.open(file, LIMIT)) {
            store.catchingUp();
            for (int batch = 0; batch < 5; batch++) { // the last two batches' entries are held when the store stops
                store.write(batch(batch), List.of(), positions(batch));
            }
        }
        assertThat(count(file, "SELECT COUNT(*) FROM lookup_held")).as("partitions marked as held").isEqualTo(3);
        assertThat(count(file, "SELECT COUNT(*) FROM lookup_run WHERE lvl = 1")).as("runs written from memory, one of each kind").isEqualTo(2);

        try (LineageStore store = LineageStore.open(file)) {
            assertFindsBatchesUpTo(store, 4);
            store.write(batch(5), List.of(), positions(5)); // not catching up now: blocks, as in follow mode
            assertFindsBatchesUpTo(store, 5);
        }
        assertThat(count(file, "SELECT COUNT(*) FROM lookup_held")).isZero();
        assertThat(entries(file)).as("each entry once, as a store that never held any wrote them").isEqualTo(entries(writtenWithoutHolding(6)));
    }

    @Test
    void aStoreThatStoppedWhileHoldingAndCatchesUpAgainHoldsAndSettlesTheRest() throws Exception {
        Path file = folder.resolve("again");
        try (LineageStore store = LineageStore.open(file, LIMIT)) {
            store.catchingUp();
            for (int batch = 0; batch < 4; batch++) { // the fourth batch's entries are held when the store stops
                store.write(batch(batch), List.of(), positions(batch));
            }
        }
        try (LineageStore store = LineageStore.open(file, LIMIT)) {
            store.catchingUp();
            for (int batch = 4; batch < 9; batch++) {
                store.write(batch(batch), List.of(), positions(batch));
            }
            store.settleLookups();
            assertFindsBatchesUpTo(store, 8);
        }
        assertThat(entries(file)).isEqualTo(entries(writtenWithoutHolding(9)));
    }

    private static void assertFindsBatchesUpTo(LineageStore store, int last) {
        for (int batch = 0; batch <= last; batch++) {
            for (IndexedRecord record : batch(batch)) {
                LineageFact fact = record.fact();
                List<StoredFact> found = store.read(q -> q.withId(fact.id()));
                assertThat(found).as("%s after batch %d", fact.id(), last).extracting(f -> f.fact().coordinates()).containsExactly(fact.coordinates());
                if (fact.feature() != null) {
                    Optional<StoredFact> asOf = store.read(q -> q.latestFeature("velocity", fact.entity(), fact.time(), fact.time()));
                    assertThat(asOf).as("%s as of its own time", fact.id()).map(f -> f.fact().id()).contains(fact.id());
                }
            }
        }
    }

    private Path writtenWithoutHolding(int batches) {
        Path file = folder.resolve("reference-" + batches);
        try (LineageStore store = LineageStore.open(file)) {
            for (int batch = 0; batch < batches; batch++) {
                store.write(batch(batch), List.of(), positions(batch));
            }
        }
        return file;
    }

    private static List<String> entries(Path file) throws SQLException {
        try (Connection connection = connect(file)) {
            return LineageStore.on(connection).read(FactQueries::lookupEntries);
        }
    }

    private static long count(Path file, String sql) throws SQLException {
        try (Connection connection = connect(file); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
    }
}
