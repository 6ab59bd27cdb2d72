package io.feedlens.app.scan;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Lets reading threads leave a core to the screen that shows what they read. On two cores, a search's readers, the
 * broker and the collector keep both busy, and the FX thread — which needs ~5 % of a core for the Messages tab —
 * waited its turn: pulses 100–300 ms apart (docs/benchmarks.md, "fx-stall"; decision 22). The screen says each time
 * it paints; a reader that finds it late parks a few milliseconds at a time until it has painted again.
 * A screen that has not painted for long is hidden or busy with its own work: waiting for it would not help, and
 * readers go on. Thread-safe; no JavaFX here, the view reports its pulses.
 */
public final class ScreenPace {

    /** For reading that no screen shows (the command line, exports, benchmarks of the scan alone): never waits. */
    public static final ScreenPace NONE = new ScreenPace(System::nanoTime);

    /** A frame is 16.7 ms at 60 Hz: a pulse this much after the last one missed its turn. */
    static final long LATE_NANOS = 20_000_000L;
    /** No pulse for this long: the window is hidden, or the FX thread is at work and not waiting for a core. */
    static final long GONE_NANOS = 500_000_000L;
    /** The longest a reader waits at a time, so that a screen that stops painting costs a scan little. */
    static final long MAX_WAIT_NANOS = 50_000_000L;
    private static final long WAIT_STEP_NANOS = 2_000_000L;

    private final LongSupplier clock;
    /** When the screen last painted (by {@link #clock}), or 0 while it is not painting. */
    private volatile long paintedAt;

    public ScreenPace() {
        this(System::nanoTime);
    }

    /** With a clock in nanoseconds that tests can move. */
    ScreenPace(LongSupplier clock) {
        this.clock = clock;
    }

    /** On the FX thread, at every pulse while the reading is shown. */
    public void painted() {
        if (this != NONE) {
            paintedAt = clock.getAsLong();
        }
    }

    /** The screen stopped painting for now (its view left the window): readers stop waiting for it. */
    public void notPainting() {
        paintedAt = 0;
    }

    /**
     * On a reading thread every few milliseconds: returns at once unless the screen is late, then once it has painted
     * (or after 50 ms).
     */
    public void giveWay() {
        long last = paintedAt;
        if (last == 0) {
            return;
        }
        long began = clock.getAsLong();
        long late = began - last;
        if (late < LATE_NANOS || late > GONE_NANOS) {
            return;
        }
        while (paintedAt == last && clock.getAsLong() - began < MAX_WAIT_NANOS) {
            LockSupport.parkNanos(WAIT_STEP_NANOS);
        }
    }
}
