package io.feedlens.app.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.lineage.store.LineageStore;
import io.feedlens.testing.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kill test: an indexer process SIGKILLed at random moments, restarted each time, ends equal to an unbroken run. */
@KafkaBroker
class IndexerKillTest {

    private static final int KILLS = Integer.getInteger("feedlens.kill.rounds", 8);
    private static final int BATCH = 10;

    @TempDir
    Path folder;

    @Test
    void indexKilledAtRandomPointsAndRestartedEqualsAnUnbrokenIndex(EmbeddedKafka broker) throws Exception {
        DemoFeedIndex feed = DemoFeedIndex.generate(broker, "sigkill", 2_000, 77L);
        Path whole = folder.resolve("whole");
        try (LineageStore store = LineageStore.open(whole)) {
            feed.index(store, IndexSettings.catchUp(feed.profile).withBatchSize(BATCH));
        }
        long span = indexingMillis(broker, feed, folder.resolve("timed"));
        Path killed = folder.resolve("killed");
        Random random = new Random(1);
        int killedMidway = 0;
        for (int round = 0; round < KILLS; round++) {
            Process indexer = start(broker, feed, killed);
            // Kill points spread over how long an uninterrupted run takes on this machine, fast or loaded.
            long killAfter = (long) (span * (0.1 + 0.8 * random.nextDouble())) + 1;
            boolean finished = untilIndexing(indexer, killed) || indexer.waitFor(killAfter, TimeUnit.MILLISECONDS);
            if (finished) {
                System.out.println("SIGKILL round " + round + ": the indexer finished before the kill, exit " + indexer.exitValue()
                        + (indexer.exitValue() == 0 ? "" : ", its log: " + Files.readString(Path.of(killed + ".log"))));
                break;
            }
            indexer.destroyForcibly().waitFor(); // SIGKILL on Linux: no shutdown hook, no close
            long indexed = rows(killed);
            System.out.println("SIGKILL round " + round + ": " + indexed + " of " + rows(whole) + " records indexed");
            killedMidway += indexed > 0 && indexed < rows(whole) ? 1 : 0;
        }
        Process last = start(broker, feed, killed);
        assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).as("exit of the last indexer, whose log is: %s", Files.readString(Path.of(killed + ".log"))).isZero();

        System.out.println("SIGKILL test: " + killedMidway + " kills landed mid-index");
        assertThat(killedMidway).as("kills that landed while the indexer was writing").isPositive();
        List<String> afterKills = DemoFeedIndex.dump(killed);
        List<String> unbroken = DemoFeedIndex.dump(whole);
        if (!afterKills.equals(unbroken)) {
            keepEvidence(whole, killed);
        }
        // A dump has ~40,000 rows (2,000 decisions) and AssertJ prints only the first 1,000: say the rows that differ.
        assertThat(afterKills).as("rows only after the kills: %s; rows only in the unbroken index: %s",
                afterKills.stream().filter(row -> !unbroken.contains(row)).limit(20).toList(),
                unbroken.stream().filter(row -> !afterKills.contains(row)).limit(20).toList()).isEqualTo(unbroken);
    }

    /** A difference seen once in CI could not be reproduced here: keep both indexes and the last indexer's log for a look. */
    private static void keepEvidence(Path whole, Path killed) throws Exception {
        Path kept = Files.createDirectories(Path.of("target", "kill-test-evidence"));
        for (Path file : List.of(Path.of(whole + ".mv.db"), Path.of(killed + ".mv.db"), Path.of(killed + ".log"))) {
            Files.copy(file, kept.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.println("SIGKILL test: the two indexes and the last indexer's log are in " + kept.toAbsolutePath());
    }

    private static Process start(EmbeddedKafka broker, DemoFeedIndex feed, Path file) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), IndexerProcess.class.getName(),
                broker.bootstrapServers(), feed.topics.prefix(), file.toString(), String.valueOf(BATCH))
                .redirectErrorStream(true).redirectOutput(new File(file + ".log")).start();
    }

    /** How long an indexer process takes from opening the index to its end, for the whole feed. */
    private static long indexingMillis(EmbeddedKafka broker, DemoFeedIndex feed, Path file) throws Exception {
        Process indexer = start(broker, feed, file);
        assertThat(untilIndexing(indexer, file)).as("the timing run ended before it said it was indexing").isFalse();
        long started = System.nanoTime();
        assertThat(indexer.waitFor(120, TimeUnit.SECONDS)).isTrue();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("SIGKILL test: an uninterrupted run indexes in " + millis + " ms");
        return millis;
    }

    /** Waits for the process to say it is indexing (a loaded machine can take seconds to start a JVM); true if it ended first. */
    private static boolean untilIndexing(Process indexer, Path file) throws Exception {
        Path log = Path.of(file + ".log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(IndexerProcess.INDEXING)) {
                return false;
            }
            if (indexer.waitFor(50, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    private static long rows(Path file) throws Exception {
        if (!file.resolveSibling(file.getFileName() + ".mv.db").toFile().exists()) {
            return 0;
        }
        try (LineageStore store = LineageStore.open(file)) {
            return store.counts().entrySet().stream().filter(e -> !e.getKey().equals("skipped")).mapToLong(e -> e.getValue()).sum();
        }
    }
}
