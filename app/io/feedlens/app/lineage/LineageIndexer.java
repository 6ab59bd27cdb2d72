package io.feedlens.app.lineage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.feedlens.app.scan.ReadingConsumers;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.lineage.extract.FactExtractor;
import io.feedlens.lineage.model.ExtractedRecord;
import io.feedlens.lineage.model.IndexedRecord;
import io.feedlens.lineage.model.PartitionPosition;
import io.feedlens.lineage.model.SkippedRecord;
import io.feedlens.lineage.store.LineageStore;
import io.feedlens.lineage.store.PartitionMovedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the profile's topics into the lineage index: from the offsets the index stored (or the beginning, or a
 * time), decoding, extracting, and writing each batch together with the offsets it reached in one transaction.
 * The index's own offsets are the only truth about where it stands, so a kill at any moment and a restart leave the
 * index as an uninterrupted run would. Alone it reads every partition; as a member of a consumer group it reads the
 * share the group gives it ({@link PartitionChoice}, decision 12), and each batch's offsets are written only if the
 * index still stands where this member found it.
 */
public final class LineageIndexer {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final long PROGRESS_EVERY_MS = 1_000;

    private final Map<String, Object> clientConfig;
    private final LineageStore store;
    private final RecordDecoder decoder;
    private volatile KafkaConsumer<byte[], byte[]> running;
    private volatile boolean stopping;

    public LineageIndexer(Map<String, Object> clientConfig, LineageStore store, RecordDecoder decoder) {
        this.clientConfig = clientConfig;
        this.store = store;
        // Masking rules hide values from people; the index must still read the ids and times they may cover.
        this.decoder = decoder.unmasked();
    }

    /** Indexes until caught up (or, when following, until {@link #stop}); returns the last progress. */
    public IndexProgress run(IndexSettings settings, Consumer<IndexProgress> progress) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(settings), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
             WriteBehind writes = new WriteBehind()) {
            running = consumer;
            PartitionChoice choice = PartitionChoice.of(store, settings);
            Run run = new Run(consumer, writes, choice, settings, progress);
            choice.take(consumer, run);
            return run.loop();
        } catch (WakeupException e) {
            return null;
        } finally {
            running = null;
        }
    }

    /** Ends a following run after its current batch; safe from any thread. */
    public void stop() {
        stopping = true;
        KafkaConsumer<byte[], byte[]> consumer = running;
        if (consumer != null) {
            consumer.wakeup();
        }
    }

    private Map<String, Object> consumerConfig(IndexSettings settings) {
        Map<String, Object> config = ReadingConsumers.config(clientConfig, "feedlens-lineage-indexer", Duration.ofSeconds(10));
        if (settings.group() != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.group()); // commits stay off: the index keeps the offsets
            // A member rejoins a rebalance only when it polls: one batch per poll lets a new member in within a batch,
            // where 5,000 records per poll kept one waiting until the first member had indexed everything.
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batchSize());
        }
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        config.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 << 20);
        return config;
    }

    /** One run's state: the batch being filled, where the index stands per partition, and the counters for progress. */
    private final class Run implements PartitionChoice.Owner {

        private final KafkaConsumer<byte[], byte[]> consumer;
        private final WriteBehind writes;
        private final PartitionChoice choice;
        private final IndexSettings settings;
        private final Consumer<IndexProgress> progress;
        private final FactExtractor extractor;
        private List<IndexedRecord> indexed = new ArrayList<>();
        private List<SkippedRecord> skipped = new ArrayList<>();
        private final Map<TopicPartition, Long> reached = new LinkedHashMap<>();
        /** Per partition read now: the next offset the index holds, which the next batch must still find there. */
        private final Map<TopicPartition, Long> standing = new HashMap<>();
        private final long startedAt = System.nanoTime();
        private final Map<TopicPartition, Long> ends = new HashMap<>();
        private long records;
        private long skippedTotal;
        private long batches;
        private long lastProgress;
        private boolean bulkLoad;

        Run(KafkaConsumer<byte[], byte[]> consumer, WriteBehind writes, PartitionChoice choice, IndexSettings settings,
            Consumer<IndexProgress> progress) {
            this.consumer = consumer;
            this.writes = writes;
            this.choice = choice;
            this.settings = settings;
            this.progress = progress;
            this.extractor = new FactExtractor(settings.profile());
        }

        @Override
        public void assigned(Map<TopicPartition, Long> positions) {
            standing.putAll(positions);
            ends.putAll(consumer.endOffsets(positions.keySet()));
            if (batches == 0 && !bulkLoad && behind() > settings.bulkLoadBehind()) {
                bulkLoad = true;
                store.catchingUp();
            }
        }

        @Override
        public void revoked(Collection<TopicPartition> partitions) {
            flush();
            forget(partitions);
        }

        @Override
        public void lost(Collection<TopicPartition> partitions) {
            forget(partitions);
            restartBatch();
        }

        private void forget(Collection<TopicPartition> partitions) {
            partitions.forEach(partition -> {
                standing.remove(partition);
                ends.remove(partition);
            });
        }

        /** Drops the batch read so far and reads again from where the index stands, for the partitions still held. */
        private void restartBatch() {
            indexed.clear();
            skipped.clear();
            reached.clear();
            List<TopicPartition> held = consumer.assignment().stream().filter(standing::containsKey).toList();
            standing.putAll(IndexStart.seek(consumer, store, settings, held));
        }

        IndexProgress loop() {
            while (!stopping) {
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(POLL);
                for (ConsumerRecord<byte[], byte[]> record : polled) {
                    add(record);
                    if (indexed.size() + skipped.size() >= settings.batchSize() && !flush()) {
                        return report(false);
                    }
                }
                if (!flush()) {
                    return report(false);
                }
                boolean caughtUp = caughtUp();
                if (caughtUp) {
                    endBulkLoad();
                }
                tellProgress(caughtUp);
                if (caughtUp && !settings.follow()) {
                    return report(true);
                }
            }
            endBulkLoad();
            return report(caughtUp());
        }

        private void endBulkLoad() {
            writes.drain();
            if (bulkLoad) {
                store.settleLookups();
                bulkLoad = false;
            }
        }

        private void add(ConsumerRecord<byte[], byte[]> record) {
            ExtractedRecord extracted = extractor.extract(RecordViews.of(record, decoder, extractor.valueFields(record.topic())));
            if (extracted instanceof IndexedRecord fact) {
                indexed.add(fact);
            } else {
                skipped.add((SkippedRecord) extracted);
            }
            reached.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            records++;
        }

        /** Writes the batch and its offsets in one transaction; false when a test asked to stop as if killed. */
        private boolean flush() {
            if (reached.isEmpty()) {
                return true;
            }
            List<PartitionPosition> positions = reached.entrySet().stream().map(e -> new PartitionPosition(e.getKey().topic(),
                    e.getKey().partition(), e.getValue(), standing.getOrDefault(e.getKey(), PartitionPosition.UNCHECKED))).toList();
            if (settings.group() == null) {
                // Alone on the index: the batch is written behind while the next one is read (decision 11).
                List<IndexedRecord> rows = indexed;
                List<SkippedRecord> unusable = skipped;
                writes.submit(() -> writeAlone(rows, unusable, positions));
            } else {
                try {
                    store.write(indexed, skipped, positions);
                } catch (PartitionMovedException e) {
                    restartBatch(); // the group moved a partition from under this member; its next rebalance says so
                    return true;
                }
            }
            standing.putAll(reached);
            skippedTotal += skipped.size();
            indexed = new ArrayList<>();
            skipped = new ArrayList<>();
            reached.clear();
            batches++;
            return settings.stopAfterBatches() <= 0 || batches < settings.stopAfterBatches();
        }

        private void writeAlone(List<IndexedRecord> rows, List<SkippedRecord> unusable, List<PartitionPosition> positions) {
            try {
                store.write(rows, unusable, positions);
            } catch (PartitionMovedException e) {
                throw new IllegalStateException(e.getMessage() + ". Several indexers of one index must run as one consumer"
                        + " group (--group NAME).", e);
            }
        }

        private boolean caughtUp() {
            if (settings.follow() && System.nanoTime() / 1_000_000 - lastProgress >= PROGRESS_EVERY_MS) {
                ends.putAll(consumer.endOffsets(consumer.assignment()));
            }
            return choice.settled() && behind() == 0;
        }

        private long behind() {
            long behind = 0;
            for (TopicPartition partition : consumer.assignment()) {
                behind += Math.max(0, ends.getOrDefault(partition, 0L) - consumer.position(partition));
            }
            return behind;
        }

        private void tellProgress(boolean caughtUp) {
            long now = System.nanoTime() / 1_000_000;
            if (now - lastProgress >= PROGRESS_EVERY_MS) {
                lastProgress = now;
                progress.accept(current(caughtUp));
            }
        }

        private IndexProgress report(boolean caughtUp) {
            writes.drain();
            IndexProgress last = current(caughtUp);
            progress.accept(last);
            return last;
        }

        private IndexProgress current(boolean caughtUp) {
            double seconds = Math.max(1e-9, (System.nanoTime() - startedAt) / 1e9);
            return new IndexProgress(records, skippedTotal, batches, records / seconds, behind(), caughtUp);
        }
    }
}
