package io.feedlens.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.feedlens.app.bench.BenchResult;
import io.feedlens.app.bench.Benchmark;
import io.feedlens.app.bench.BrokerStartBenchmark;
import io.feedlens.app.bench.DecodeMaskedBenchmark;
import io.feedlens.app.bench.EncryptedIndexBenchmark;
import io.feedlens.app.bench.DecodeAvroBenchmark;
import io.feedlens.app.bench.DecodeJsonBenchmark;
import io.feedlens.app.bench.FeedThroughputBenchmark;
import io.feedlens.app.bench.GroupLagBenchmark;
import io.feedlens.app.bench.IndexBenchmark;
import io.feedlens.app.bench.ReportBenchmark;
import io.feedlens.app.bench.SearchBenchmark;
import io.feedlens.app.bench.TopicListBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code feedlens bench NAME}: runs a named benchmark (on the in-process broker, or in memory) and prints its figures
 * with the ratio to a baseline measured in the same run. Later issues add their benchmarks to {@link #benchmarks()}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark: broker-start, feed-throughput, topic-list, group-lag, search, index, report, index-encrypted (in-process broker); fx-stall, trace-screen (the desktop, headless or under a display); decode-json, decode-avro, decode-masked (in memory); or all.")
public final class BenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The benchmark to run, or 'all'.")
    String name;

    @Option(names = "--runs", defaultValue = "3", description = "Repetitions where a benchmark repeats (default ${DEFAULT-VALUE}).")
    int runs;

    @Spec
    CommandSpec spec;

    @Option(names = "--decisions", defaultValue = "5000", description = "Decisions for feed benchmarks (default ${DEFAULT-VALUE}).")
    int decisions;

    @Option(names = "--topics", defaultValue = "1000", description = "Topics for topic-list (default ${DEFAULT-VALUE}).")
    int topics;

    @Option(names = "--records", defaultValue = "1000000", description = "Records for the search and fx-stall benchmarks (default ${DEFAULT-VALUE}).")
    int records;

    /** Benchmarks of other layers (the desktop's), made once the options are read; see views' command factory. */
    private final java.util.function.Function<BenchCommand, List<Benchmark>> more;

    public BenchCommand() {
        this(command -> List.of());
    }

    public BenchCommand(java.util.function.Function<BenchCommand, List<Benchmark>> more) {
        this.more = more;
    }

    /** Repetitions asked for with {@code --runs}. */
    public int runs() {
        return runs;
    }

    /** Records asked for with {@code --records}. */
    public int records() {
        return records;
    }

    List<Benchmark> benchmarks() {
        List<Benchmark> all = new ArrayList<>(appBenchmarks());
        all.addAll(more.apply(this));
        return all;
    }

    private List<Benchmark> appBenchmarks() {
        return List.of(new BrokerStartBenchmark(runs), new FeedThroughputBenchmark(decisions), new TopicListBenchmark(topics, runs),
                new GroupLagBenchmark(runs), new SearchBenchmark(records), new DecodeJsonBenchmark(decisions), new DecodeAvroBenchmark(decisions),
                new IndexBenchmark(decisions, runs), new ReportBenchmark(Math.min(decisions, 2000)), new DecodeMaskedBenchmark(decisions),
                new EncryptedIndexBenchmark(decisions, Math.max(3, runs)));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Benchmark> chosen = benchmarks().stream().filter(b -> name.equals("all") || b.name().equals(name)).toList();
        if (chosen.isEmpty()) {
            spec.commandLine().getErr().println("No benchmark named '" + name + "'. Known: "
                    + String.join(", ", benchmarks().stream().map(Benchmark::name).toList()) + ", all.");
            return 2;
        }
        // The collector changes pauses and throughput alike: the desktop runs on ZGC, java -jar on G1 unless told.
        out.printf("Java %s, %d cores, max heap %d MB, collectors: %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(java.lang.management.GarbageCollectorMXBean::getName).collect(java.util.stream.Collectors.joining(", ")));
        for (Benchmark benchmark : chosen) {
            out.println("== " + benchmark.name() + ": " + benchmark.description());
            out.flush();
            BenchResult result = benchmark.run(out);
            out.println(result.summary());
            out.flush();
        }
        return 0;
    }
}
