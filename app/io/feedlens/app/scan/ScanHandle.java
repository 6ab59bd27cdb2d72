package io.feedlens.app.scan;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * A running scan: its figures at any moment, a way to cancel it, and its end. Figures are updated by the scan's
 * threads with atomics, so any thread (the FX thread on a timer) may read them at any time.
 */
public final class ScanHandle {

    final AtomicLong scanned = new AtomicLong();
    final AtomicLong matched = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    final AtomicLong filterErrors = new AtomicLong();
    final AtomicLong undecoded = new AtomicLong();
    final AtomicInteger partitionsDone = new AtomicInteger();
    final AtomicBoolean limitReached = new AtomicBoolean();
    volatile int partitionsTotal;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<KafkaConsumer<?, ?>> consumers = new CopyOnWriteArrayList<>();
    private final long began = System.nanoTime();
    final CompletableFuture<ScanSummary> completion = new CompletableFuture<>();
    /** The screen the matches go to, which the readers give way to when it paints late. */
    final ScreenPace pace;

    ScanHandle(ScreenPace pace) {
        this.pace = pace;
    }

    public ScanProgress progress() {
        return new ScanProgress(scanned.get(), matched.get(), bytes.get(), filterErrors.get(), undecoded.get(),
                Duration.ofNanos(System.nanoTime() - began), partitionsDone.get(), partitionsTotal);
    }

    /** Completes when the scan ends, however it ends; never exceptionally. */
    public CompletableFuture<ScanSummary> completion() {
        return completion;
    }

    /** Stops the scan as soon as each reader notices (a poll at most); matches already delivered stay. */
    public void cancel() {
        cancelled.set(true);
        consumers.forEach(KafkaConsumer::wakeup);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    boolean shouldStop() {
        return cancelled.get() || limitReached.get();
    }

    void register(KafkaConsumer<?, ?> consumer) {
        consumers.add(consumer);
        if (cancelled.get()) {
            consumer.wakeup();
        }
    }

    void unregister(KafkaConsumer<?, ?> consumer) {
        consumers.remove(consumer);
    }
}
