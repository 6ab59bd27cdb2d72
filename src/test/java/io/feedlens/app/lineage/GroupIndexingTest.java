package io.feedlens.app.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.lineage.extract.LineageProfile;
import io.feedlens.lineage.store.LineageStore;
import io.feedlens.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 12 on the real broker: indexers that are members of one consumer group, each with its own connection to one
 * shared H2 file (automatic mixed mode), end with the index a single indexer makes of the same feed.
 */
@KafkaBroker
class GroupIndexingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path folder;

    @Test
    void twoMembersOfOneGroupShareThePartitionsAndEndWithTheIndexOfASingleIndexer(EmbeddedKafka broker) throws Exception {
        Feed feed = new Feed(broker, "pair");
        Member first = feed.member(IndexSettings.catchUp(feed.profile).withBatchSize(50).following(true));
        Member second = feed.member(IndexSettings.catchUp(feed.profile).withBatchSize(50).following(true));
        feed.awaitMembersWithPartitions(2);

        long total = feed.write(300, 31L);
        feed.awaitIndexed(total);
        first.stopWhenReportedAllItRead();
        second.stopWhenReportedAllItRead();

        assertThat(first.records()).as("records the first member indexed").isPositive();
        assertThat(second.records()).as("records the second member indexed").isPositive();
        assertThat(first.records() + second.records()).as("records read by either, each once").isEqualTo(total);
        assertThat(IndexRows.of(feed.shared)).isEqualTo(IndexRows.of(feed.singleIndexerRun()));
    }

    @Test
    void aMemberThatStopsMidRunHandsItsPartitionsOverLosingNothingAndWritingNothingTwice(EmbeddedKafka broker) throws Exception {
        Feed feed = new Feed(broker, "handover");
        Member stopping = feed.member(IndexSettings.catchUp(feed.profile).withBatchSize(20).following(true).stoppingAfter(4));
        Member staying = feed.member(IndexSettings.catchUp(feed.profile).withBatchSize(20).following(true));
        feed.awaitMembersWithPartitions(2);

        long total = feed.write(300, 32L);
        IndexProgress cut = stopping.run.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(cut.batches()).isEqualTo(4);
        assertThat(cut.records()).isBetween(1L, 80L);
        feed.awaitIndexed(total);
        staying.stopWhenReportedAllItRead();

        assertThat(cut.records() + staying.records()).as("records read by either, each once").isEqualTo(total);
        assertThat(IndexRows.of(feed.shared)).isEqualTo(IndexRows.of(feed.singleIndexerRun()));
    }

    /** Demo topics (3 partitions each), the group, and the shared index file. */
    private final class Feed {
        final DemoFeedIndex demo;
        final LineageProfile profile;
        final String group = "indexers-" + UUID.randomUUID();
        final Path shared = folder.resolve("shared");

        Feed(EmbeddedKafka broker, String name) {
            this.demo = DemoFeedIndex.topics(broker, "group-" + name);
            this.profile = demo.profile;
        }

        LineageIndexer indexer(LineageStore store) {
            return demo.indexer(store);
        }

        Member member(IndexSettings settings) {
            return new Member(this, settings.inGroup(group));
        }

        /** Records are written only once every member holds partitions, so each has a share to index. */
        void awaitMembersWithPartitions(int members) throws Exception {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", demo.broker.bootstrapServers()))) {
                await(() -> GroupMembers.holdingPartitions(admin, group, members));
            }
        }

        long write(int decisions, long seed) {
            demo.write(decisions, seed);
            return demo.recordsWritten();
        }

        void awaitIndexed(long total) throws Exception {
            try (LineageStore reader = LineageStore.openShared(shared)) {
                await(() -> reader.counts().values().stream().mapToLong(Long::longValue).sum() == total);
            }
        }

        Path singleIndexerRun() {
            Path single = folder.resolve("single");
            try (LineageStore store = LineageStore.open(single)) {
                assertThat(indexer(store).run(IndexSettings.catchUp(profile), progress -> { }).caughtUp()).isTrue();
            }
            return single;
        }
    }

    /** One member on its own thread and its own connection to the shared file, as a separate process would have. */
    private static final class Member {
        final LineageStore store;
        final LineageIndexer indexer;
        final CompletableFuture<IndexProgress> run;
        final AtomicReference<IndexProgress> reported = new AtomicReference<>();
        volatile long reportedAt;

        Member(Feed feed, IndexSettings settings) {
            store = LineageStore.openShared(feed.shared);
            indexer = feed.indexer(store);
            run = CompletableFuture.supplyAsync(() -> {
                try {
                    return indexer.run(settings, progress -> {
                        reported.set(progress);
                        reportedAt = System.nanoTime();
                    });
                } finally {
                    store.close();
                }
            });
        }

        /** A follower reports at least every second; one report after everything is indexed holds its final count. */
        void stopWhenReportedAllItRead() throws Exception {
            long indexed = System.nanoTime();
            await(() -> reportedAt > indexed);
            indexer.stop();
            run.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        long records() {
            return reported.get().records();
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Still not so after " + WAIT.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }
}
