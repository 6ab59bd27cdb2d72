package io.feedlens.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * CPU time by thread while a benchmark step runs, so a step's cost can be placed: on 2 cores the broker, the
 * consuming thread and a writer share the machine, and a rate alone does not say which of them to make cheaper.
 * Threads that end during the step (a writer closed at its end) are caught by reading every live thread a few times
 * a second and keeping each one's last reading. Whatever no Java thread accounts for is the VM's own: the JIT
 * compilers and the garbage collector (on 2 cores the JIT alone took a third of the CPU of a 1M-record run).
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long processStart = processNanos();
    private final Map<Long, Long> startNanos = new HashMap<>();
    private final Map<Long, Long> lastNanos = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "feedlens-bench-cpu");
        thread.setDaemon(true);
        return thread;
    });

    private ThreadCpu() {
        read(true);
        reader.scheduleAtFixedRate(() -> read(false), 100, 100, TimeUnit.MILLISECONDS);
    }

    static ThreadCpu start() {
        return new ThreadCpu();
    }

    private synchronized void read(boolean first) {
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = THREADS.getThreadCpuTime(info.getThreadId());
            if (nanos < 0) {
                continue;
            }
            names.put(info.getThreadId(), info.getThreadName());
            if (first) {
                startNanos.put(info.getThreadId(), nanos);
            }
            lastNanos.put(info.getThreadId(), nanos);
        }
    }

    /** Seconds of CPU per group since the start, the groups named by {@code group} from thread names, largest first. */
    synchronized Map<String, Double> stop(Function<String, String> group) {
        reader.shutdownNow();
        read(false);
        Map<String, Double> seconds = new TreeMap<>();
        lastNanos.forEach((id, nanos) -> seconds.merge(group.apply(names.get(id)),
                (nanos - startNanos.getOrDefault(id, 0L)) / 1e9, Double::sum));
        double threads = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        seconds.put("VM (GC, JIT)", Math.max(0, (processNanos() - processStart) / 1e9 - threads));
        Map<String, Double> largestFirst = new LinkedHashMap<>();
        seconds.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> largestFirst.put(e.getKey(), e.getValue()));
        return largestFirst;
    }

    /** CPU time of the whole process so far, every thread and the VM's own. */
    static long processNanos() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
    }
}
