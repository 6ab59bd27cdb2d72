package io.feedlens.app.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.feedlens.app.broker.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;

/**
 * How long the embedded broker takes until a client gets an answer: a cold start on an empty folder
 * (format + start, the baseline) and a warm start on the folder of the previous run (what users get every day).
 */
public final class BrokerStartBenchmark implements Benchmark {

    private final int runs;

    public BrokerStartBenchmark(int runs) {
        this.runs = runs;
    }

    @Override
    public String name() {
        return "broker-start";
    }

    @Override
    public String description() {
        return "Embedded broker: cold start (format + start) vs warm start on kept data, until a client is answered.";
    }

    @Override
    public BenchResult run(PrintWriter out) throws Exception {
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Path folder = Files.createTempDirectory("feedlens-bench-broker");
            try {
                cold.add(startAndAnswer(folder));
                warm.add(startAndAnswer(folder));
                out.printf("run %d: cold %.0f ms, warm %.0f ms%n", run, cold.get(run - 1), warm.get(run - 1));
                out.flush();
            } finally {
                deleteQuietly(folder);
            }
        }
        return new BenchResult(name(), "warm start (median)", median(warm), "cold start (median)", median(cold), "ms");
    }

    /** Milliseconds from the start call to the first answered admin call. */
    private static double startAndAnswer(Path folder) throws Exception {
        long began = System.nanoTime();
        try (EmbeddedKafka broker = EmbeddedKafka.start(folder);
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.describeCluster().clusterId().get();
            return (System.nanoTime() - began) / 1e6;
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    public static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is not worth failing a benchmark for.
        }
    }
}
