package io.feedlens.app.bench;

import java.io.PrintWriter;

/**
 * One named benchmark of {@code feedlens bench NAME}. Each measures its subject and a baseline in the same run,
 * on the same in-process broker, and reports the ratio, so figures from different machines stay comparable.
 */
public interface Benchmark {

    String name();

    String description();

    /** Runs the benchmark, printing its figures as it goes; returns the result for the summary line. */
    BenchResult run(PrintWriter out) throws Exception;
}
