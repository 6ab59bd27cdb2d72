package io.feedlens.app.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

import io.feedlens.app.decode.DecoderSettings;
import io.feedlens.app.decode.LocalSchemas;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.demo.FeatureSchemas;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * The decoder on the demo's feature records (single-object Avro, schema found by fingerprint among local schemas,
 * shown as a JSON tree); against bare Avro doing the reading: the fingerprint looked up in a map, then
 * {@code GenericDatumReader} with a reused {@code BinaryDecoder} from byte 10. Avro builds no JSON tree; FeedLens does.
 */
public final class DecodeAvroBenchmark implements Benchmark {

    private static final int HEADER = 10;

    private final int decisions;

    public DecodeAvroBenchmark(int decisions) {
        this.decisions = decisions;
    }

    @Override
    public String name() {
        return "decode-avro";
    }

    @Override
    public String description() {
        return "RecordDecoder on demo feature records (Avro single-object) vs GenericDatumReader, one thread (corpus of "
                + decisions + " decisions).";
    }

    @Override
    public BenchResult run(PrintWriter out) {
        DemoCorpus corpus = DemoCorpus.generate(decisions);
        out.printf("feature records: %,d values, mean %.0f bytes%n", corpus.features().size(),
                (double) DemoCorpus.bytes(corpus.features()) / corpus.features().size());
        Schema[] schemas = {FeatureSchemas.TXN_VELOCITY, FeatureSchemas.AMOUNT_STATS_V1, FeatureSchemas.AMOUNT_STATS_V2};
        RecordDecoder decoder = new RecordDecoder(DecoderSettings.automatic().withLocalSchemas(LocalSchemas.of(schemas)));
        BareAvro bare = new BareAvro(schemas);
        // The same work as the bare reader: framing, schema lookup, reading. The tree is built when first asked for.
        DecodeRounds.Figures figures = DecodeRounds.measure(corpus.features(),
                value -> decoder.decodeValue("features", value).size(),
                value -> bare.read(value).getSchema().getFields().size(), out);
        DecodeRounds.print(out, figures, corpus.features(), "GenericDatumReader, reused BinaryDecoder, no JSON tree");
        // And what a screen pays that shows every record: reading plus the JSON tree.
        DecodeRounds.Figures withTree = DecodeRounds.measure(corpus.features(),
                value -> decoder.decodeValue("features", value).tree().size(),
                value -> bare.read(value).getSchema().getFields().size(), out);
        out.printf("with the JSON tree built for every record: FeedLens %,.0f records/s (ratio to bare %.2f)%n",
                withTree.subject(), withTree.subject() / withTree.baseline());
        return new BenchResult(name(), "RecordDecoder", figures.subject(), "GenericDatumReader", figures.baseline(), "records/s");
    }

    /** The least a reader of single-object Avro must do: find the schema by fingerprint, read the body. */
    private static final class BareAvro {
        private final Map<Long, GenericDatumReader<GenericRecord>> readers = new HashMap<>();
        private BinaryDecoder decoder;

        BareAvro(Schema... schemas) {
            for (Schema schema : schemas) {
                readers.put(SchemaNormalization.parsingFingerprint64(schema), new GenericDatumReader<>(schema));
            }
        }

        GenericRecord read(byte[] value) {
            long fingerprint = ByteBuffer.wrap(value, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            decoder = DecoderFactory.get().binaryDecoder(value, HEADER, value.length - HEADER, decoder);
            try {
                return readers.get(fingerprint).read(null, decoder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
