package io.feedlens.app.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.demo.GroundTruth;
import io.feedlens.lineage.model.SkippedRecord;
import io.feedlens.lineage.store.LineageStore;
import io.feedlens.testing.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@KafkaBroker
class LineageIndexerTest {

    @TempDir
    Path folder;

    @Test
    void indexHoldsEveryRecordOfTheDemoFeedAndListsTheInvalidOnes(EmbeddedKafka broker) {
        DemoFeedIndex feed = DemoFeedIndex.generate(broker, "index", 200, 11L);
        try (LineageStore store = LineageStore.open(folder.resolve("index"))) {
            IndexProgress done = feed.index(store, IndexSettings.catchUp(feed.profile).withBatchSize(500));

            GroundTruth truth = feed.truth;
            long payments = truth.recordsWritten().get(feed.topics.payments());
            assertThat(done.caughtUp()).isTrue();
            assertThat(done.records()).isEqualTo(truth.recordsWritten().values().stream().mapToLong(Integer::longValue).sum());
            assertThat(store.counts()).containsEntry("event", payments - 1)
                    .containsEntry("feature", (long) truth.features().size())
                    .containsEntry("decision", (long) truth.decisions().size())
                    .containsEntry("skipped", 2L);
            List<String> invalid = truth.hardCases().stream()
                    .filter(c -> c.kind() == GroundTruth.Kind.INVALID_PAYMENT || c.kind() == GroundTruth.Kind.INVALID_FEATURE)
                    .flatMap(c -> c.coordinates().stream()).toList();
            assertThat(store.skipped()).extracting(s -> s.coordinates().toString()).containsExactlyInAnyOrderElementsOf(invalid);
            assertThat(store.skipped()).extracting(SkippedRecord::reason).allMatch(reason -> reason.startsWith("value did not decode"));
        }
    }

    @Test
    void indexingAgainReadsNothingTwice(EmbeddedKafka broker) throws Exception {
        DemoFeedIndex feed = DemoFeedIndex.generate(broker, "again", 60, 12L);
        Path file = folder.resolve("again");
        try (LineageStore store = LineageStore.open(file)) {
            feed.index(store, IndexSettings.catchUp(feed.profile));
        }
        List<String> first = DemoFeedIndex.dump(file);
        try (LineageStore store = LineageStore.open(file)) {
            IndexProgress again = feed.index(store, IndexSettings.catchUp(feed.profile));
            assertThat(again.records()).isZero();
        }
        assertThat(DemoFeedIndex.dump(file)).isEqualTo(first);
    }

    @Test
    void indexStoppedAbruptlyAndRestartedEqualsAnUninterruptedIndex(EmbeddedKafka broker) throws Exception {
        DemoFeedIndex feed = DemoFeedIndex.generate(broker, "kill", 120, 13L);
        Path whole = folder.resolve("whole");
        try (LineageStore store = LineageStore.open(whole)) {
            feed.index(store, IndexSettings.catchUp(feed.profile).withBatchSize(37));
        }
        Path interrupted = folder.resolve("interrupted");
        for (int stop : new int[] {3, 1, 5}) {
            // A new store each time, the old one left open: as after a process that died without closing anything.
            LineageStore store = LineageStore.open(interrupted);
            IndexProgress cut = feed.index(store, IndexSettings.catchUp(feed.profile).withBatchSize(37).stoppingAfter(stop)
                    .withBulkLoadBehind(100));
            assertThat(cut.caughtUp()).isFalse();
        }
        try (LineageStore store = LineageStore.open(interrupted)) {
            assertThat(feed.index(store, IndexSettings.catchUp(feed.profile).withBatchSize(37)).caughtUp()).isTrue();
        }
        assertThat(DemoFeedIndex.dump(interrupted)).isEqualTo(DemoFeedIndex.dump(whole));
    }
}
