package io.feedlens.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.HexFormat;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;

/**
 * The Avro schemas of the feature views, read from the {@code .avsc} files beside this class, and their
 * single-object encoding (C3 01, the schema's CRC-64-AVRO fingerprint, then Avro binary).
 */
public final class FeatureSchemas {

    public static final Schema TXN_VELOCITY = load("txn_velocity_5m.avsc");
    public static final Schema AMOUNT_STATS_V1 = load("amount_stats_1h_v1.avsc");
    /** Adds the optional {@code max_amount}; a different fingerprint, readable where v1 was. */
    public static final Schema AMOUNT_STATS_V2 = load("amount_stats_1h_v2.avsc");

    private static final BinaryMessageEncoder<GenericRecord> VELOCITY_ENCODER = new BinaryMessageEncoder<>(GenericData.get(), TXN_VELOCITY);
    private static final BinaryMessageEncoder<GenericRecord> STATS_V1_ENCODER = new BinaryMessageEncoder<>(GenericData.get(), AMOUNT_STATS_V1);
    private static final BinaryMessageEncoder<GenericRecord> STATS_V2_ENCODER = new BinaryMessageEncoder<>(GenericData.get(), AMOUNT_STATS_V2);

    private FeatureSchemas() {
    }

    /** Single-object encoding of the value, with schema v2 for amount stats that carry a maximum. */
    public static byte[] encode(FeatureValue feature) {
        try {
            ByteBuffer encoded = switch (feature.view()) {
                case TXN_VELOCITY_5M -> VELOCITY_ENCODER.encode(velocityRecord(feature));
                case AMOUNT_STATS_1H -> feature.maxAmount() == null
                        ? STATS_V1_ENCODER.encode(statsRecord(feature, AMOUNT_STATS_V1))
                        : STATS_V2_ENCODER.encode(statsRecord(feature, AMOUNT_STATS_V2));
            };
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Avro encoding of " + feature.featureId() + " failed", e);
        }
    }

    /** The schema a feature value is written with. */
    public static Schema schemaOf(FeatureValue feature) {
        if (feature.view() == FeatureView.TXN_VELOCITY_5M) {
            return TXN_VELOCITY;
        }
        return feature.maxAmount() == null ? AMOUNT_STATS_V1 : AMOUNT_STATS_V2;
    }

    /** The CRC-64-AVRO fingerprint that single-object encoding puts after C3 01, as 16 hex digits. */
    public static String fingerprint(Schema schema) {
        return HexFormat.of().toHexDigits(SchemaNormalization.parsingFingerprint64(schema));
    }

    /** A decoder for one view's records that knows every schema the view was ever written with. */
    public static BinaryMessageDecoder<GenericRecord> decoderFor(FeatureView view) {
        if (view == FeatureView.TXN_VELOCITY_5M) {
            return new BinaryMessageDecoder<>(GenericData.get(), TXN_VELOCITY);
        }
        BinaryMessageDecoder<GenericRecord> decoder = new BinaryMessageDecoder<>(GenericData.get(), AMOUNT_STATS_V2);
        decoder.addSchema(AMOUNT_STATS_V1);
        return decoder;
    }

    /** The feature value inside a decoded record: the count or the mean. */
    public static double valueOf(GenericRecord record) {
        Object count = record.hasField("txn_count") ? record.get("txn_count") : null;
        return count != null ? ((Number) count).doubleValue() : ((Number) record.get("mean_amount")).doubleValue();
    }

    private static GenericRecord velocityRecord(FeatureValue feature) {
        GenericRecord record = common(feature, TXN_VELOCITY);
        record.put("txn_count", Math.round(feature.value()));
        return record;
    }

    private static GenericRecord statsRecord(FeatureValue feature, Schema schema) {
        GenericRecord record = common(feature, schema);
        record.put("mean_amount", feature.value());
        if (schema.getField("max_amount") != null) {
            record.put("max_amount", feature.maxAmount());
        }
        return record;
    }

    private static GenericRecord common(FeatureValue feature, Schema schema) {
        GenericRecord record = new GenericData.Record(schema);
        record.put("entity", feature.card());
        record.put("as_of", feature.asOf().toEpochMilli());
        record.put("feature_view", feature.view().viewName());
        record.put("feature_version", feature.version());
        return record;
    }

    /** Writes the demo's schemas as {@code .avsc} files, so any decoder pointed at the folder reads the demo's Avro. */
    public static void writeTo(java.nio.file.Path folder) {
        try {
            java.nio.file.Files.createDirectories(folder);
            for (Schema schema : java.util.List.of(TXN_VELOCITY, AMOUNT_STATS_V1, AMOUNT_STATS_V2)) {
                String file = schema.getName() + "-" + fingerprint(schema) + ".avsc";
                java.nio.file.Files.writeString(folder.resolve(file), schema.toString(true));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Could not write the demo schemas to " + folder + ": " + e.getMessage(), e);
        }
    }

    private static Schema load(String file) {
        try (InputStream in = FeatureSchemas.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("Schema " + file + " is missing from the class path beside " + FeatureSchemas.class.getName());
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read schema " + file, e);
        }
    }
}
