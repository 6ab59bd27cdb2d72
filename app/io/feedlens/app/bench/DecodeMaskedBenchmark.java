package io.feedlens.app.bench;

import java.io.PrintWriter;
import java.util.List;

import io.feedlens.app.decode.DecoderSettings;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.governance.MaskAction;
import io.feedlens.app.governance.MaskRule;
import io.feedlens.app.governance.Masking;

/**
 * What masking costs where it runs, in the decoder: the demo's payment JSON decoded to a shown tree with three rules on
 * the topic (mask the card, hash the merchant, remove the country), against the same decoder with no rules.
 */
public final class DecodeMaskedBenchmark implements Benchmark {

    private final int decisions;

    public DecodeMaskedBenchmark(int decisions) {
        this.decisions = decisions;
    }

    @Override
    public String name() {
        return "decode-masked";
    }

    @Override
    public String description() {
        return "RecordDecoder with 3 masking rules (mask, hash, remove) vs without, demo payment JSON, one thread (corpus of "
                + decisions + " decisions).";
    }

    @Override
    public BenchResult run(PrintWriter out) {
        DemoCorpus corpus = DemoCorpus.generate(decisions);
        RecordDecoder plain = new RecordDecoder(DecoderSettings.automatic());
        RecordDecoder masked = plain.masking(new Masking(List.of(
                new MaskRule("payments", MaskRule.Part.VALUE, "$.card", MaskAction.MASK),
                new MaskRule("payments", MaskRule.Part.VALUE, "$.merchant", MaskAction.HASH),
                new MaskRule("payments", MaskRule.Part.VALUE, "$..country", MaskAction.REMOVE)), new byte[32]));
        DecodeRounds.Figures figures = DecodeRounds.measure(corpus.payments(),
                value -> masked.decodeValue("payments", value).tree().size(),
                value -> plain.decodeValue("payments", value).tree().size(), out);
        DecodeRounds.print(out, figures, corpus.payments(), "the same RecordDecoder without masking rules");
        return new BenchResult(name(), "masked decode", figures.subject(), "unmasked decode", figures.baseline(), "records/s");
    }
}
