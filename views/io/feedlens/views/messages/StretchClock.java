package io.feedlens.views.messages;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * What else went on while the FX thread's pulses were measured, so that a gap can be told apart: the FX thread's and
 * the renderer's own CPU time (their work), and the collector's stop-the-world pauses (every thread stopped).
 * A gap that neither explains is time the FX, pulse and renderer threads waited for a core.
 */
final class StretchClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final AtomicLong PAUSE_MILLIS = new AtomicLong();
    private static final AtomicLong LONGEST_PAUSE_MILLIS = new AtomicLong();
    private static final AtomicLong PAUSES = new AtomicLong();

    static {
        NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                // Concurrent cycles report their whole (concurrent) length; only the stop-the-world ones stall the FX
                // thread. ZGC and Shenandoah report them under a collector of their own, "ZGC Cycles" beside "ZGC Pauses".
                if (!info.getGcAction().contains("concurrent") && !info.getGcName().contains("Concurrent")
                        && !info.getGcName().endsWith("Cycles")) {
                    long millis = info.getGcInfo().getDuration();
                    PAUSE_MILLIS.addAndGet(millis);
                    PAUSES.incrementAndGet();
                    LONGEST_PAUSE_MILLIS.accumulateAndGet(millis, Math::max);
                }
            }
        };
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
    }

    private final long wallNanos = System.nanoTime();
    private final long fxCpuNanos;
    private final long rendererCpuNanos = rendererCpuNanos();
    private final long pauseMillis = PAUSE_MILLIS.get();
    private final long pauses = PAUSES.get();

    /** Starts a stretch; on the FX thread. */
    StretchClock() {
        fxCpuNanos = THREADS.getCurrentThreadCpuTime();
        LONGEST_PAUSE_MILLIS.set(0);
    }

    /** The stretch's figures so far; on the FX thread. */
    Spent spent() {
        double seconds = (System.nanoTime() - wallNanos) / 1e9;
        return new Spent((THREADS.getCurrentThreadCpuTime() - fxCpuNanos) / 1e6 / seconds,
                (rendererCpuNanos() - rendererCpuNanos) / 1e6 / seconds,
                PAUSES.get() - pauses, PAUSE_MILLIS.get() - pauseMillis, LONGEST_PAUSE_MILLIS.get());
    }

    /** Milliseconds of CPU per second of the FX thread and the renderer; the collector's pauses (count, sum, longest). */
    record Spent(double fxMillisPerSecond, double rendererMillisPerSecond, long pauses, long pauseMillis, long longestPauseMillis) {
    }

    /** Prism's render thread ("QuantumRenderer-0"): the scene is painted there, after the FX thread's pulse. */
    private static long rendererCpuNanos() {
        long total = 0;
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().startsWith("QuantumRenderer")) {
                total += Math.max(0, THREADS.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return total;
    }
}
