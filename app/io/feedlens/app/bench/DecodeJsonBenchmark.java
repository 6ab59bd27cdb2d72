package io.feedlens.app.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedlens.app.decode.DecoderSettings;
import io.feedlens.app.decode.RecordDecoder;

/**
 * The decoder on the demo's payment JSON (about 300 bytes each), with nothing configured, as the browser decodes a
 * topic it knows nothing about; against Jackson's {@code readTree} on the same bytes, the bare parse to the same tree.
 */
public final class DecodeJsonBenchmark implements Benchmark {

    private final int decisions;

    public DecodeJsonBenchmark(int decisions) {
        this.decisions = decisions;
    }

    @Override
    public String name() {
        return "decode-json";
    }

    @Override
    public String description() {
        return "RecordDecoder on demo payment JSON vs Jackson readTree, one thread (corpus of " + decisions + " decisions).";
    }

    @Override
    public BenchResult run(PrintWriter out) {
        DemoCorpus corpus = DemoCorpus.generate(decisions);
        out.printf("payments: %,d values, mean %.0f bytes%n", corpus.payments().size(),
                (double) DemoCorpus.bytes(corpus.payments()) / corpus.payments().size());
        RecordDecoder decoder = new RecordDecoder(DecoderSettings.automatic());
        ObjectMapper jackson = new ObjectMapper();
        DecodeRounds.Figures figures = DecodeRounds.measure(corpus.payments(),
                value -> decoder.decodeValue("payments", value).tree().size(),
                value -> readTree(jackson, value).size(), out);
        DecodeRounds.print(out, figures, corpus.payments(), "Jackson ObjectMapper.readTree(byte[]), default settings");
        return new BenchResult(name(), "RecordDecoder", figures.subject(), "Jackson readTree", figures.baseline(), "records/s");
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(ObjectMapper jackson, byte[] value) {
        try {
            return jackson.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
