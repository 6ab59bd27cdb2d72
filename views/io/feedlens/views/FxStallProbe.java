package io.feedlens.views;

import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread was kept from painting: an animation timer notes the gap between pulses, and the
 * largest gap seen is the worst stall a person would have felt. For tests and benchmarks; start and stop on the FX thread.
 */
public final class FxStallProbe {

    private volatile long worstGapNanos;
    private long lastPulse;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            // The pulse's own timestamp lags when pulses are late, so the clock is read here.
            long time = System.nanoTime();
            if (lastPulse != 0) {
                worstGapNanos = Math.max(worstGapNanos, time - lastPulse);
            }
            lastPulse = time;
        }
    };

    public void start() {
        lastPulse = 0;
        worstGapNanos = 0;
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    /** The longest time between two pulses since {@link #start()}, in milliseconds. Any thread may ask. */
    public double worstGapMillis() {
        return worstGapNanos / 1e6;
    }
}
