package io.feedlens.views;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread was kept from painting: an animation timer notes the gap between pulses, and the
 * largest gap seen is the worst stall a person would have felt. For tests and benchmarks; start and stop on the FX thread.
 */
public final class FxStallProbe {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private volatile long worstGapNanos;
    /** How much of the worst gap the FX thread spent at work (CPU time): the rest it waited for a core or a collection. */
    private volatile long worstGapBusyNanos;
    private long lastPulse;
    private long lastPulseCpu;
    /** Every gap since start, for percentiles; at 60 pulses a second a minute is 3,600 of them. */
    private long[] gaps = new long[4096];
    private int gapCount;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            // The pulse's own timestamp lags when pulses are late, so the clock is read here.
            long time = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            if (lastPulse != 0) {
                if (time - lastPulse > worstGapNanos) {
                    worstGapNanos = time - lastPulse;
                    worstGapBusyNanos = cpu - lastPulseCpu;
                }
                record(time - lastPulse);
            }
            lastPulse = time;
            lastPulseCpu = cpu;
        }
    };

    public void start() {
        synchronized (this) {
            gapCount = 0;
        }
        lastPulse = 0;
        worstGapNanos = 0;
        worstGapBusyNanos = 0;
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    /** The longest time between two pulses since {@link #start()}, in milliseconds. Any thread may ask. */
    public double worstGapMillis() {
        return worstGapNanos / 1e6;
    }

    /**
     * Of the worst gap, the milliseconds the FX thread was running (its own work: styling, layout, handlers); the rest
     * of the gap it was kept from running. Any thread may ask.
     */
    public double worstGapBusyMillis() {
        return worstGapBusyNanos / 1e6;
    }

    /** The gap that {@code percent} % of the gaps since {@link #start()} did not exceed, in milliseconds; 0 before two pulses. */
    public synchronized double gapPercentileMillis(double percent) {
        if (gapCount == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(gaps, gapCount);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100 * gapCount) - 1;
        return sorted[Math.max(0, Math.min(gapCount - 1, index))] / 1e6;
    }

    /** How many pulses were measured since {@link #start()}. */
    public synchronized int pulses() {
        return gapCount;
    }

    private synchronized void record(long gap) {
        if (gapCount == gaps.length) {
            gaps = Arrays.copyOf(gaps, gaps.length * 2);
        }
        gaps[gapCount++] = gap;
    }
}
