package io.feedlens.app.lineage;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs the index's writes on a thread of their own, in the order given, while the caller polls and decodes the next
 * records: H2 keeps one core busy and Kafka plus decoding the other (profiled: H2 took most of a single-threaded
 * indexer's time). At most {@link #IN_FLIGHT} batches wait, so a slow disk slows the consumer instead of filling memory.
 * Kill safety is unchanged: each batch still commits its rows with its offsets in one transaction, and a batch that was
 * queued but not committed is read again after a restart. The first failed write ends the run: later batches are not
 * written (their offsets would skip it), and the caller gets the failure at its next call.
 */
final class WriteBehind implements AutoCloseable {

    static final int IN_FLIGHT = 2;

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread writer = new Thread(r, "feedlens-lineage-writer");
        writer.setDaemon(true);
        return writer;
    });
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private volatile RuntimeException failure;

    /** Queues a write; waits while {@link #IN_FLIGHT} are queued; throws the failure of an earlier one. */
    void submit(Runnable write) {
        rethrow();
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to write a lineage batch", e);
        }
        thread.execute(() -> {
            try {
                if (failure == null) {
                    write.run();
                }
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                slots.release();
            }
        });
    }

    /** Waits until every queued write is committed; throws the first failure. */
    void drain() {
        try {
            slots.acquire(IN_FLIGHT);
            slots.release(IN_FLIGHT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for lineage writes", e);
        }
        rethrow();
    }

    private void rethrow() {
        RuntimeException failed = failure;
        if (failed != null) {
            throw failed;
        }
    }

    /** Lets queued writes finish (a normal end drains first; this bounds the wait after a failure elsewhere). */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
