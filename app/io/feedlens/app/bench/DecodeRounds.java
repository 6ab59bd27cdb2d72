package io.feedlens.app.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Single-threaded throughput of a subject and its baseline over the same values: warm-up passes first, then rounds
 * that alternate subject and baseline, so both see the same JIT state, heap and machine noise. Reports medians.
 */
final class DecodeRounds {

    private static final int WARM_UP_ROUNDS = 5;
    private static final int MEASURED_ROUNDS = 7;
    /** Values decoded per round and side: enough for ~1 s at the targets, so timer noise does not matter. */
    private static final int VALUES_PER_ROUND = 600_000;

    /** Medians in records per second; the results are summed into {@code sink} so the JIT cannot skip the work. */
    record Figures(double subject, double baseline, long sink) {

        /** How much longer the subject takes per record than the baseline: 0.20 is 20 % more time. */
        double overhead() {
            return baseline / subject - 1;
        }
    }

    private DecodeRounds() {
    }

    static Figures measure(List<byte[]> values, ToIntFunction<byte[]> subject, ToIntFunction<byte[]> baseline, PrintWriter out) {
        int passes = Math.max(1, VALUES_PER_ROUND / values.size());
        long sink = 0;
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            sink += timed(values, passes, subject).sink + timed(values, passes, baseline).sink;
        }
        List<Double> subjectRates = new ArrayList<>();
        List<Double> baselineRates = new ArrayList<>();
        for (int round = 1; round <= MEASURED_ROUNDS; round++) {
            Pass s = timed(values, passes, subject);
            Pass b = timed(values, passes, baseline);
            sink += s.sink + b.sink;
            subjectRates.add(s.rate);
            baselineRates.add(b.rate);
            out.printf("round %d: FeedLens %,10.0f records/s, baseline %,10.0f records/s%n", round, s.rate, b.rate);
            out.flush();
        }
        return new Figures(BrokerStartBenchmark.median(subjectRates), BrokerStartBenchmark.median(baselineRates), sink);
    }

    private record Pass(double rate, long sink) {
    }

    private static Pass timed(List<byte[]> values, int passes, ToIntFunction<byte[]> decode) {
        long sink = 0;
        long began = System.nanoTime();
        for (int pass = 0; pass < passes; pass++) {
            for (byte[] value : values) {
                sink += decode.applyAsInt(value);
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        return new Pass((double) passes * values.size() / seconds, sink);
    }

    /** The summary every decode benchmark prints: both rates, their ratio, the overhead and the bytes per second. */
    static void print(PrintWriter out, Figures figures, List<byte[]> values, String baseline) {
        double meanBytes = (double) DemoCorpus.bytes(values) / values.size();
        out.printf("FeedLens:  %,10.0f records/s, %6.1f MB/s (median of %d rounds)%n",
                figures.subject(), figures.subject() * meanBytes / 1e6, MEASURED_ROUNDS);
        out.printf("baseline:  %,10.0f records/s, %6.1f MB/s (%s)%n", figures.baseline(), figures.baseline() * meanBytes / 1e6, baseline);
        out.printf("ratio FeedLens / baseline: %.2f; overhead per record: %+.0f %%  (sink %d)%n",
                figures.subject() / figures.baseline(), 100 * figures.overhead(), figures.sink() & 0xff);
    }
}
