package io.feedlens.lineage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.model.IndexedRecord;
import io.feedlens.lineage.model.LineageFact;
import io.feedlens.lineage.model.PartitionPosition;
import io.feedlens.lineage.model.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineageStoreTest {

    @TempDir
    Path folder;

    private static IndexedRecord event(String id, long offset) {
        return new IndexedRecord(new LineageFact(Role.EVENT, new RecordCoordinates("payments", 1, offset), "/gw", id, "card-1",
                Instant.ofEpochMilli(offset), null, null, null, null, 42L), List.of(), List.of());
    }

    @Test
    void newIndexIsAtTheCurrentSchemaVersionAndReopensThere() {
        try (LineageStore store = LineageStore.open(folder.resolve("index"))) {
            assertThat(store.schemaVersion()).isEqualTo(StoreSchema.CURRENT);
        }
        try (LineageStore store = LineageStore.open(folder.resolve("index"))) {
            assertThat(store.schemaVersion()).isEqualTo(StoreSchema.CURRENT);
        }
    }

    @Test
    void rowsAndOffsetsAreWrittenTogetherOrNotAtAll() {
        try (LineageStore store = LineageStore.open(folder.resolve("index"))) {
            store.write(List.of(event("p-1", 0), event("p-1", 1)), List.of(), List.of(new PartitionPosition("payments", 1, 2)));
            // The same coordinates again: the batch fails, and neither its new row nor its offset stays.
            assertThatThrownBy(() -> store.write(List.of(event("p-2", 2), event("p-3", 1)), List.of(),
                    List.of(new PartitionPosition("payments", 1, 3)))).isInstanceOf(LineageStoreException.class);

            assertThat(store.positions("payments")).isEqualTo(Map.of(1, 2L));
            assertThat(store.counts()).containsEntry("event", 2L);
            List<StoredFact> copies = store.read(q -> q.withId("p-1"));
            List<StoredFact> rolledBack = store.read(q -> q.withId("p-2"));
            assertThat(copies).hasSize(2);
            assertThat(rolledBack).isEmpty();
        }
    }

    @Test
    void aDamagedBlockIsSaidToBeDamagedAndTheRestOfTheIndexStillAnswers() throws Exception {
        // Bytes cut short, as a disk fault or a careless hand might leave them: the first batch's record block.
        Path file = twoBatchesThen("UPDATE record_block SET records = X'01' WHERE last_key = (SELECT MIN(last_key) FROM record_block)");
        try (LineageStore store = LineageStore.open(file)) {
            assertThatThrownBy(() -> store.read(q -> q.at(new RecordCoordinates("payments", 1, 0))))
                    .isInstanceOf(LineageStoreException.class).hasMessageContaining("A block of records in the index is damaged");
            List<StoredFact> other = store.read(q -> q.withId("p-2"));
            assertThat(other).as("the other batch's record").hasSize(1);
            assertThat(store.counts()).as("counted from the blocks' columns").containsEntry("event", 2L);
        }
    }

    @Test
    void aDamagedLookupBlockIsSaidToBeDamagedWithWhatToDoAndReadsByCoordinatesStillAnswer() throws Exception {
        // The id lookup's first block claims more entries than it holds.
        Path file = twoBatchesThen("UPDATE lookup_block SET entries = X'05' WHERE kind = 1 AND first_key = "
                + "(SELECT MIN(first_key) FROM lookup_block WHERE kind = 1)");
        try (LineageStore store = LineageStore.open(file)) {
            assertThatThrownBy(() -> store.read(q -> q.withId("p-2")))
                    .isInstanceOf(LineageStoreException.class)
                    .hasMessageContaining("A block of lookup entries in the index is damaged")
                    .hasMessageContaining("Rebuild the index");
            java.util.Optional<StoredFact> byCoordinates = store.read(q -> q.at(new RecordCoordinates("payments", 1, 1)));
            assertThat(byCoordinates).as("read by coordinates, no lookup").map(found -> found.fact().id()).contains("p-2");
            assertThat(store.counts()).containsEntry("event", 2L);
        }
    }

    @Test
    void recordKeysPackCoordinatesAndRefuseWhatDoesNotFit() {
        long key = RecordKeys.pack(3, 4095, (1L << 36) - 1);
        assertThat(RecordKeys.topicId(key)).isEqualTo(3);
        assertThat(RecordKeys.partition(key)).isEqualTo(4095);
        assertThat(RecordKeys.offset(key)).isEqualTo((1L << 36) - 1);
        assertThat(key).isPositive();
        assertThatThrownBy(() -> RecordKeys.pack(3, 4096, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordKeys.pack(3, 0, 1L << 36)).isInstanceOf(IllegalArgumentException.class);
    }

    /** An index of two batches (p-1 at offset 0, p-2 at offset 1), then {@code damage} run on its file with plain SQL. */
    private Path twoBatchesThen(String damage) throws Exception {
        Path file = folder.resolve("index");
        try (LineageStore store = LineageStore.open(file)) {
            store.write(List.of(event("p-1", 0)), List.of(), List.of(new PartitionPosition("payments", 1, 1)));
            store.write(List.of(event("p-2", 1)), List.of(), List.of(new PartitionPosition("payments", 1, 2)));
        }
        try (java.sql.Connection sql = java.sql.DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
             java.sql.Statement statement = sql.createStatement()) {
            statement.execute(damage);
        }
        return file;
    }
}
