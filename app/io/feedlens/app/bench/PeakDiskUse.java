package io.feedlens.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The most disk an H2 database's files took while watched (read five times a second): H2 writes new pages beside
 * the old ones during a load and reclaims the space at its close, so the index's size after the close says little
 * about the free disk a user needs while indexing. Counts every file named after the database, temporary ones too.
 */
final class PeakDiskUse implements AutoCloseable {

    private final Path folder;
    private final String prefix;
    private final AtomicLong peak = new AtomicLong();
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "feedlens-bench-disk");
        thread.setDaemon(true);
        return thread;
    });

    /** Watches the files of the H2 database at {@code database} (the path H2 adds {@code .mv.db} to). */
    PeakDiskUse(Path database) {
        this.folder = database.toAbsolutePath().getParent();
        this.prefix = database.getFileName() + ".";
        reader.scheduleAtFixedRate(this::read, 0, 200, TimeUnit.MILLISECONDS);
    }

    private void read() {
        try (Stream<Path> files = Files.list(folder)) {
            long used = files.filter(f -> f.getFileName().toString().startsWith(prefix)).mapToLong(PeakDiskUse::sizeOrZero).sum();
            peak.accumulateAndGet(used, Math::max);
        } catch (IOException | UncheckedIOException e) {
            // The folder is the benchmark's own; a listing that fails once is read again 200 ms later.
        }
    }

    /** A file H2 removed between the listing and the reading took no space. */
    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The largest total seen, the current one included. */
    long peakBytes() {
        read();
        return peak.get();
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
