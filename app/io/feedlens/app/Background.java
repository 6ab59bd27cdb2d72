package io.feedlens.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The one executor for slow work: Kafka admin calls, H2, decoding, file I/O.
 * Daemon threads, so an open window or a forgotten task never keeps the JVM alive.
 */
public final class Background {

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(new NamedDaemons("feedlens-worker"));

    private Background() {
    }

    public static <T> CompletableFuture<T> supply(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, WORKERS);
    }

    public static CompletableFuture<Void> run(Runnable work) {
        return CompletableFuture.runAsync(work, WORKERS);
    }

    /** Names threads so a thread dump says whose they are. */
    public static final class NamedDaemons implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger count = new AtomicInteger();

        public NamedDaemons(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
