package io.feedlens.app.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live demo feed: a payment gateway, a feature job and a fraud model, each on its own daemon thread, talking
 * only through Kafka. The two jobs are real consumer-group members, so their lag and offsets show up like any
 * production group's.
 */
public final class LiveDemoFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveDemoFeed.class);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(3);

    private final DemoTopics topics;
    private final LiveFeedSettings settings;
    private final LiveCounters counters;
    private final Producer<byte[], byte[]> producer;
    private final PaymentSimulator simulator;
    private final List<ConsumingService> services;
    private final List<Thread> threads = new ArrayList<>();
    private Thread simulatorThread;
    private boolean closed;

    private LiveDemoFeed(DemoTopics topics, LiveFeedSettings settings, LiveCounters counters, Producer<byte[], byte[]> producer,
                         PaymentSimulator simulator, List<ConsumingService> services) {
        this.topics = topics;
        this.settings = settings;
        this.counters = counters;
        this.producer = producer;
        this.simulator = simulator;
        this.services = services;
    }

    /** Starts the live feed with the standard settings (about five payments a second, a pause every two minutes). */
    public static LiveDemoFeed start(String bootstrapServers, DemoTopics topics) {
        return start(bootstrapServers, topics, LiveFeedSettings.standard(topics));
    }

    /** Creates the topics if needed and starts the three parts; returns at once, they run until {@link #close()}. */
    public static LiveDemoFeed start(String bootstrapServers, DemoTopics topics, LiveFeedSettings settings) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            topics.ensureExist(admin);
        }
        LiveCounters counters = new LiveCounters();
        Producer<byte[], byte[]> producer = openProducer(bootstrapServers);
        List<ConsumingService> services = new ArrayList<>();
        try {
            services.add(new FeatureProcessor(bootstrapServers, topics, settings, producer, counters));
            services.add(new FraudScorer(bootstrapServers, topics, settings, producer, counters));
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
        PaymentSimulator simulator = new PaymentSimulator(producer, topics, settings, counters);
        LiveDemoFeed feed = new LiveDemoFeed(topics, settings, counters, producer, simulator, services);
        feed.startThread("demo-feature-processor", services.get(0));
        feed.startThread("demo-fraud-scorer", services.get(1));
        feed.simulatorThread = feed.startThread("demo-payment-simulator", simulator);
        log.info("Live demo feed started on {} (topics prefix '{}')", bootstrapServers, topics.prefix());
        return feed;
    }

    /** What the feed has produced so far; cheap, safe from any thread. */
    public LiveFeedStats stats() {
        return counters.snapshot();
    }

    public DemoTopics topics() {
        return topics;
    }

    public LiveFeedSettings settings() {
        return settings;
    }

    /** Whether any of the three parts is still running. */
    public boolean isRunning() {
        return threads.stream().anyMatch(Thread::isAlive);
    }

    /** Stops the three parts, waits for them (a few seconds at most) and closes the producer. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        simulator.stop();
        services.forEach(ConsumingService::stop);
        // Only the simulator is interrupted (it may be sleeping between payments); an interrupted consumer would
        // fail its own close, so the jobs are woken up instead.
        simulatorThread.interrupt();
        long deadline = System.nanoTime() + JOIN_TIMEOUT.toNanos();
        for (Thread thread : threads) {
            joinUntil(thread, deadline);
        }
        producer.close(Duration.ofSeconds(1));
        counters.scorerBehind = false;
        log.info("Live demo feed stopped: {}", counters.snapshot());
    }

    private Thread startThread(String name, Runnable part) {
        Thread thread = new Thread(part, name);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> log.error("{} died", t.getName(), e));
        threads.add(thread);
        thread.start();
        return thread;
    }

    private static void joinUntil(Thread thread, long deadlineNanos) {
        try {
            long left = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
            thread.join(left);
            if (thread.isAlive()) {
                log.warn("{} did not stop within {} ms", thread.getName(), JOIN_TIMEOUT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Producer<byte[], byte[]> openProducer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "feedlens-demo-live",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 10),
                new ByteArraySerializer(), new ByteArraySerializer());
    }
}
