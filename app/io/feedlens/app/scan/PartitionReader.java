package io.feedlens.app.scan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.feedlens.app.cluster.ConnectionProblem;
import io.feedlens.app.decode.DecodedRecord;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.search.CandidateRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * One of a scan's parallel readers: its own consumer on some of the partitions, decoding and filtering on its own
 * thread, handing matches over a poll's worth at a time. Finishes each partition at the end offset of its range.
 */
final class PartitionReader {

    private static final Duration POLL = Duration.ofMillis(200);
    /**
     * A poll's 2,000 records are 5–20 ms of a reader's time: asking the screen only between polls let it wait that
     * long for a core. Every 256 records (a mask) it is asked at most every few milliseconds, for a volatile read.
     */
    private static final long GIVE_WAY_EVERY = 255;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<PartitionRange> ranges;
    private final RecordDecoder decoder;
    private final ScanRequest request;
    private final ScanHandle handle;
    private final Consumer<List<DecodedRecord>> matches;
    private final Duration stallLimit;
    /** Records read in range per partition; whoever waited for {@link #read()} to end may look. */
    private final Map<TopicPartition, Long> seen = new HashMap<>();

    PartitionReader(KafkaConsumer<byte[], byte[]> consumer, List<PartitionRange> ranges, RecordDecoder decoder,
                    ScanRequest request, ScanHandle handle, Consumer<List<DecodedRecord>> matches, Duration stallLimit) {
        this.consumer = consumer;
        this.ranges = ranges;
        this.decoder = decoder;
        this.request = request;
        this.handle = handle;
        this.matches = matches;
        this.stallLimit = stallLimit;
    }

    Map<TopicPartition, Long> seen() {
        return seen;
    }

    /** Reads its ranges to their ends; returns why it could not, or null. */
    String read() {
        handle.register(consumer);
        try (consumer) {
            Map<TopicPartition, Long> remaining = new HashMap<>();
            ranges.forEach(r -> remaining.put(r.partition(), r.end()));
            consumer.assign(remaining.keySet());
            ranges.forEach(r -> consumer.seek(r.partition(), r.start()));
            long lastProgress = System.nanoTime();
            while (!remaining.isEmpty() && !handle.shouldStop()) {
                handle.pace.giveWay();
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                boolean advanced = take(records, remaining) | finishReached(remaining);
                if (advanced) {
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > stallLimit.toNanos()) {
                    return StallExplanation.of(consumer, request.topic(), stallLimit);
                }
            }
            return null;
        } catch (WakeupException e) {
            return null;
        } catch (TopicAuthorizationException e) {
            return ConnectionProblem.notAuthorizedToRead(e.unauthorizedTopics());
        } catch (KafkaException e) {
            return "The scan stopped: " + e.getMessage();
        } finally {
            handle.unregister(consumer);
        }
    }

    /** Decodes and filters a poll's records; true when any was in range. */
    private boolean take(ConsumerRecords<byte[], byte[]> records, Map<TopicPartition, Long> remaining) {
        if (records.isEmpty()) {
            return false;
        }
        List<DecodedRecord> batch = new ArrayList<>();
        Tally tally = new Tally();
        for (TopicPartition partition : records.partitions()) {
            Long end = remaining.get(partition);
            if (end != null) {
                long taken = takePartition(records.records(partition), end, batch, tally);
                seen.merge(partition, taken, Long::sum);
            }
        }
        // Shared figures once a poll, not once a record: the readers' threads would fight over their cache lines.
        tally.addTo(handle);
        if (!batch.isEmpty()) {
            matches.accept(batch);
        }
        return tally.scanned > 0;
    }

    /** Returns how many records of the partition were in range. */
    private long takePartition(List<ConsumerRecord<byte[], byte[]>> records, long end, List<DecodedRecord> batch, Tally tally) {
        long taken = 0;
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (record.offset() >= end || handle.shouldStop()) {
                break;
            }
            taken++;
            if ((taken & GIVE_WAY_EVERY) == 0) {
                handle.pace.giveWay();
            }
            tally.scanned++;
            tally.bytes += Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
            CandidateRecord candidate = CandidateRecord.of(record, decoder);
            long match = request.filter().test(candidate, tally::filterError) ? admit() : 0;
            if (match > 0 && (request.handOver() == 0 || match <= request.handOver())) {
                DecodedRecord decoded = candidate.decoded();
                batch.add(decoded);
                tally.undecoded += decoded.value().ok() ? 0 : 1;
            } else if (!request.filter().valueDecodes(candidate)) {
                tally.undecoded++;
            }
        }
        return taken;
    }

    /** One poll's figures, kept on the reading thread. */
    private static final class Tally {
        long scanned;
        long bytes;
        long undecoded;
        long filterErrors;

        void filterError() {
            filterErrors++;
        }

        void addTo(ScanHandle handle) {
            handle.scanned.addAndGet(scanned);
            handle.bytes.addAndGet(bytes);
            handle.undecoded.addAndGet(undecoded);
            handle.filterErrors.addAndGet(filterErrors);
        }
    }

    /** Counts a match unless the request's limit was reached already; returns its number among the matches, or 0. */
    private long admit() {
        long count = handle.matched.incrementAndGet();
        if (request.maxMatches() > 0 && count >= request.maxMatches()) {
            handle.limitReached.set(true);
            if (count > request.maxMatches()) {
                handle.matched.decrementAndGet();
                return 0;
            }
        }
        return count;
    }

    /** A partition is done once its position passed the range's end (gaps, markers and aborted records included). */
    private boolean finishReached(Map<TopicPartition, Long> remaining) {
        List<TopicPartition> done = new ArrayList<>();
        remaining.forEach((partition, end) -> {
            if (consumer.position(partition) >= end) {
                done.add(partition);
            }
        });
        done.forEach(remaining::remove);
        if (!done.isEmpty()) {
            consumer.pause(done);
            handle.partitionsDone.addAndGet(done.size());
        }
        return !done.isEmpty();
    }
}
