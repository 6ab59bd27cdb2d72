package io.feedlens.app.decode.registry;


import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers that the registry did not answer, so that for a short back-off lookups fail at once:
 * a scan of a million records must not wait out a million timeouts.
 */
final class RegistryAvailability {

    private record Down(Instant lastTried, String reason) {
    }

    private final AtomicReference<Down> down = new AtomicReference<>();
    private final Duration backOff;
    private final Clock clock;

    RegistryAvailability(Duration backOff, Clock clock) {
        this.backOff = backOff;
        this.clock = clock;
    }

    void markDown(String reason) {
        down.set(new Down(clock.instant(), reason));
    }

    void markUp() {
        down.set(null);
    }

    /** While in the back-off: a message saying what happened when last tried and when we ask again. */
    Optional<String> stillDown() {
        Down last = down.get();
        if (last == null) {
            return Optional.empty();
        }
        Instant retryAt = last.lastTried().plus(backOff);
        if (!clock.instant().isBefore(retryAt)) {
            return Optional.empty();
        }
        return Optional.of(last.reason() + " (last tried at " + time(last.lastTried())
                + "; FeedLens asks again after " + time(retryAt) + ").");
    }

    private String time(Instant instant) {
        return LocalTime.ofInstant(instant, clock.getZone()).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
