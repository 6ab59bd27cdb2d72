package io.feedlens.lineage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.model.IndexedRecord;
import io.feedlens.lineage.model.LineageFact;
import io.feedlens.lineage.model.PartitionPosition;
import io.feedlens.lineage.model.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Name ids when several writers share one database (decision 12). */
class NameTableTest {

    @TempDir
    Path folder;

    /**
     * Rivals hold the next ids in open transactions and commit one at a time, each only once the writer waits for it: the
     * writer loses the next id every time, as it did to a writer adding a name per batch in SharedIndexTest's race.
     */
    @Test
    void aWriterThatLosesTheNextIdToOtherWritersManyTimesInARowStillGetsOne() throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("names").toAbsolutePath();
        int rivals = 12;
        ExecutorService thread = Executors.newSingleThreadExecutor();
        List<Connection> holding = new ArrayList<>();
        try (Connection writer = DriverManager.getConnection(url, "sa", ""); Connection watch = DriverManager.getConnection(url, "sa", "")) {
            StoreSchema.migrate(writer);
            for (int id = 1; id <= rivals; id++) {
                holding.add(holdingUncommitted(url, id, "/rival-" + id));
            }
            NameTable names = new NameTable("lineage_name", Integer.MAX_VALUE);
            names.load(writer);
            writer.setAutoCommit(false);
            Future<Integer> added = thread.submit(() -> names.idOf(writer, "/late"));
            for (Connection rival : holding) {
                awaitBlockedBy(watch, sessionId(rival), added);
                rival.commit();
            }
            assertThat(added.get(10, TimeUnit.SECONDS)).isEqualTo(rivals + 1);
            writer.commit();
            assertThat(nameWithId(watch, rivals + 1)).isEqualTo("/late");
        } finally {
            thread.shutdownNow();
            for (Connection rival : holding) {
                rival.close();
            }
        }
    }

    @Test
    void aNameAddedByABatchThatRolledBackIsForgottenSoItsIdCanGoToAnotherWritersName() {
        Path file = folder.resolve("index");
        try (LineageStore first = LineageStore.openShared(file); LineageStore second = LineageStore.openShared(file)) {
            first.write(List.of(event(0, "/a")), List.of(), List.of(new PartitionPosition("t", 0, 1)));
            // Offset 0 again: the batch fails on the record's key after "/new" got id 2 inside it.
            assertThatThrownBy(() -> first.write(List.of(event(1, "/new"), event(0, "/new")), List.of(),
                    List.of(new PartitionPosition("t", 0, 2)))).isInstanceOf(LineageStoreException.class);
            second.write(List.of(event(100, "/other")), List.of(), List.of(new PartitionPosition("t", 1, 101)));
            first.write(List.of(event(1, "/new")), List.of(), List.of(new PartitionPosition("t", 0, 2)));

            assertThat(source(first, 100)).isEqualTo("/other");
            assertThat(source(first, 1)).isEqualTo("/new");
            assertThat(source(second, 1)).isEqualTo("/new");
        }
    }

    private static IndexedRecord event(long offset, String source) {
        int partition = offset >= 100 ? 1 : 0;
        return new IndexedRecord(new LineageFact(Role.EVENT, new RecordCoordinates("t", partition, offset), source,
                "e-" + offset, "card-1", Instant.ofEpochMilli(offset), null, null, null, null, 7L), List.of(), List.of());
    }

    private static String source(LineageStore store, long offset) {
        return store.read(queries -> queries.withId("e-" + offset)).get(0).fact().source();
    }

    private static Connection holdingUncommitted(String url, int id, String name) throws SQLException {
        Connection rival = DriverManager.getConnection(url, "sa", "");
        rival.setAutoCommit(false);
        try (PreparedStatement insert = rival.prepareStatement("INSERT INTO lineage_name (id, name) VALUES (?, ?)")) {
            insert.setInt(1, id);
            insert.setString(2, name);
            insert.executeUpdate();
        }
        return rival;
    }

    private static int sessionId(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT SESSION_ID()"); ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Until a session waits for {@code blocker}'s transaction (H2 gives up on a lock after 2 s, so this polls fast). */
    private static void awaitBlockedBy(Connection watch, int blocker, Future<?> writer) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (PreparedStatement select = watch.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID = ?")) {
            select.setInt(1, blocker);
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) > 0) {
                        return;
                    }
                }
                if (writer.isDone()) {
                    writer.get(); // the writer gave up: its failure is the test's
                    throw new AssertionError("The writer ended before it waited for session " + blocker);
                }
                Thread.sleep(2);
            }
        }
        throw new AssertionError("No session waited for session " + blocker + " within 10 s");
    }

    private static String nameWithId(Connection connection, int id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT name FROM lineage_name WHERE id = ?")) {
            select.setInt(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
