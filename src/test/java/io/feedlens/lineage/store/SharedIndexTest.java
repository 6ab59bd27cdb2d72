package io.feedlens.lineage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** Two stores on one database, as two indexers of one consumer group have them (decision 12). */
class SharedIndexTest {

    @TempDir
    Path folder;

    private static IndexedRecord event(String topic, int partition, long offset, String source) {
        return new IndexedRecord(new LineageFact(Role.EVENT, new RecordCoordinates(topic, partition, offset), source,
                "e-" + topic + "-" + partition + "-" + offset, "card-1", Instant.ofEpochMilli(offset), null, null, null, null, 7L),
                List.of(), List.of());
    }

    @Test
    void aBatchWhosePartitionMovedIsRefusedWholeAndTheIndexStaysAsTheOtherWriterLeftIt() {
        Path file = folder.resolve("index");
        try (LineageStore first = LineageStore.openShared(file); LineageStore second = LineageStore.openShared(file)) {
            first.write(List.of(event("t", 0, 0, "/a"), event("t", 0, 1, "/a")), List.of(),
                    List.of(new PartitionPosition("t", 0, 2, PartitionPosition.NONE)));

            // The second writer read the partition from its beginning too: a zombie of the previous owner, say.
            assertThatThrownBy(() -> second.write(List.of(event("t", 1, 0, "/b"), event("t", 0, 0, "/b")), List.of(),
                    List.of(new PartitionPosition("t", 1, 1, PartitionPosition.NONE), new PartitionPosition("t", 0, 1, PartitionPosition.NONE))))
                    .isInstanceOf(PartitionMovedException.class).hasMessageContaining("t/0 meanwhile");
            first.write(List.of(event("t", 0, 2, "/a")), List.of(), List.of(new PartitionPosition("t", 0, 3, 2)));
            assertThatThrownBy(() -> second.write(List.of(event("t", 0, 2, "/b")), List.of(), List.of(new PartitionPosition("t", 0, 3, 2))))
                    .isInstanceOf(PartitionMovedException.class).hasMessageContaining("no longer stands at offset 2");

            assertThat(second.positions("t")).isEqualTo(Map.of(0, 3L));
            assertThat(second.counts()).containsEntry("event", 3L);
            assertThat(facts(second, "e-t-1-0")).isEmpty();
            assertThat(facts(second, "e-t-0-2")).singleElement().satisfies(f -> assertThat(f.fact().source()).isEqualTo("/a"));
        }
    }

    @Test
    void writersRacingOnOneDatabaseGiveEachNameOneIdAndLoseNoRow() throws Exception {
        Path file = folder.resolve("index");
        int batches = 40;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (LineageStore first = LineageStore.openShared(file); LineageStore second = LineageStore.openShared(file)) {
            List<Future<?>> done = new ArrayList<>();
            for (LineageStore store : List.of(first, second)) {
                int partition = store == first ? 0 : 1;
                done.add(threads.submit(() -> {
                    for (int b = 0; b < batches; b++) {
                        // Both writers meet the same new topic and source names in the same order, and one source each of their own.
                        String topic = "topic-" + b / 10;
                        store.write(List.of(event(topic, partition, b, "/shared-" + b), event(topic, partition, 1_000 + b, "/own-" + partition + "-" + b)),
                                List.of(), List.of(new PartitionPosition(topic, partition, 1_001 + b)));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        try (LineageStore reader = LineageStore.open(file)) {
            assertThat(reader.counts()).containsEntry("event", 4L * batches);
            for (int b = 0; b < batches; b++) {
                for (int partition = 0; partition < 2; partition++) {
                    String id = "e-topic-" + b / 10 + "-" + partition + "-" + (1_000 + b);
                    String source = "/own-" + partition + "-" + b;
                    assertThat(facts(reader, id)).singleElement().satisfies(f -> assertThat(f.fact().source()).isEqualTo(source));
                }
            }
        }
    }

    private static List<StoredFact> facts(LineageStore store, String id) {
        return store.read(queries -> queries.withId(id));
    }
}
