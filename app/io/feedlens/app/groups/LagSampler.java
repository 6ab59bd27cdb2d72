package io.feedlens.app.groups;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.feedlens.app.Background;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While connected, refreshes every group's lag at an interval and stores it in the lag history: one batch of Admin
 * calls per interval, on a daemon thread of its own so a slow cluster never delays a screen. A failed round is logged
 * and the next one tries again. Listeners get each snapshot on the sampler thread (a screen hands it to its own).
 */
public final class LagSampler implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(LagSampler.class);

    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(new Background.NamedDaemons("feedlens-lag-sampler"));

    private LagSampler() {
    }

    public static LagSampler start(ConsumerGroups groups, LagHistory history, Duration interval,
                                   Consumer<GroupsSnapshot> listener) {
        LagSampler sampler = new LagSampler();
        sampler.timer.scheduleWithFixedDelay(() -> sampler.sample(groups, history, listener),
                0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return sampler;
    }

    private void sample(ConsumerGroups groups, LagHistory history, Consumer<GroupsSnapshot> listener) {
        try {
            GroupsSnapshot snapshot = groups.refreshNow();
            history.record(snapshot);
            listener.accept(snapshot);
        } catch (RuntimeException e) {
            // Thrown out of a scheduled task, it would cancel every later round.
            log.warn("Sampling consumer-group lag failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
