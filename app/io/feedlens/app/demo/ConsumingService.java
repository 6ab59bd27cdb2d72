package io.feedlens.app.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.feedlens.lineage.RecordCoordinates;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stream job of the live demo: a consumer group member that reads its topics, writes what it derives, and commits
 * its offsets after the writes are acknowledged (at least once). A record it cannot read is logged and skipped; an
 * error of the loop is logged and the loop goes on; {@link #stop()} ends it from any thread.
 */
abstract class ConsumingService implements Runnable {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration AFTER_ERROR = Duration.ofSeconds(1);

    protected final Logger log = LoggerFactory.getLogger(getClass());
    private final List<String> topics;
    private volatile boolean running = true;
    protected final Consumer<byte[], byte[]> consumer;
    protected final Producer<byte[], byte[]> producer;

    ConsumingService(String bootstrapServers, String group, List<String> topics, Producer<byte[], byte[]> producer) {
        this.topics = List.copyOf(topics);
        this.producer = producer;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.CLIENT_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // A live job starts from now; the seeded feed may share these topics and is not its business.
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                // When a demo was killed, its members linger until their session ends and hold the group in a
                // rebalance: a short session lets the next start resume in seconds rather than 45 s.
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 8000,
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Reads, derives and writes for one record; throws IllegalArgumentException when the record cannot be read. */
    protected abstract void handle(ConsumerRecord<byte[], byte[]> record);

    /** Called before each poll, on the loop's thread: where a job may pause or resume its partitions. */
    protected void beforePoll() {
    }

    @Override
    public final void run() {
        log.info("{} started on {}", getClass().getSimpleName(), topics);
        try {
            consumer.subscribe(topics);
            while (running) {
                try {
                    beforePoll();
                    pollOnce();
                } catch (WakeupException e) {
                    break;
                } catch (RuntimeException e) {
                    log.error("{} failed a poll, going on in {} ms", getClass().getSimpleName(), AFTER_ERROR.toMillis(), e);
                    if (!pauseAfterError()) {
                        break;
                    }
                }
            }
        } finally {
            closeConsumer();
        }
        log.info("{} stopped", getClass().getSimpleName());
    }

    /** Asks the loop to end: it leaves its poll at once and closes its consumer on its own thread. */
    void stop() {
        running = false;
        consumer.wakeup();
    }

    private void pollOnce() {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        if (records.isEmpty()) {
            return;
        }
        for (ConsumerRecord<byte[], byte[]> record : records) {
            handleSafely(record);
        }
        producer.flush();
        consumer.commitSync();
    }

    private void handleSafely(ConsumerRecord<byte[], byte[]> record) {
        try {
            handle(record);
        } catch (IllegalArgumentException e) {
            log.warn("Skipping unreadable record {}: {}", coordinatesOf(record), e.getMessage());
        } catch (RuntimeException e) {
            log.error("Could not process record {}, skipping it", coordinatesOf(record), e);
        }
    }

    static RecordCoordinates coordinatesOf(ConsumerRecord<?, ?> record) {
        return new RecordCoordinates(record.topic(), record.partition(), record.offset());
    }

    private boolean pauseAfterError() {
        try {
            Thread.sleep(AFTER_ERROR.toMillis());
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void closeConsumer() {
        try {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
        } catch (RuntimeException e) {
            log.warn("{} did not close its consumer cleanly: {}", getClass().getSimpleName(), e.toString());
        }
    }
}
