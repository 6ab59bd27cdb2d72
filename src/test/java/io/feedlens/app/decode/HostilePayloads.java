package io.feedlens.app.decode;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.feedlens.app.demo.FeatureSchemas;
import io.feedlens.app.demo.FeatureValue;
import io.feedlens.app.demo.FeatureView;
import io.feedlens.app.demo.FeedRecords;
import io.feedlens.app.demo.Payment;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Valid payloads of every framing FeedLens reads, built the way the demo feed and {@link AvroSamples} build them,
 * and the ways real corruption damages them: cut short, bits flipped, bytes overwritten, inserted or lost, a foreign
 * schema id, an Avro length that claims gigabytes.
 */
final class HostilePayloads {

    /** Varints that decode to huge or negative Avro lengths and counts. */
    private static final byte[][] HUGE_VARINTS = {
            {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F},
            {(byte) 0xFE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F},
            {(byte) 0xFE, (byte) 0xFF, (byte) 0xFF, (byte) 0x1F},
            {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x3E},
            {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01},
            {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01},
    };

    private HostilePayloads() {
    }

    static byte[] paymentJson(Random random) {
        Payment payment = new Payment("p-" + Long.toHexString(random.nextLong()), "card-0" + (101 + random.nextInt(50)),
                "Lidl Berlin", Math.round(random.nextDouble() * 500_000) / 100.0, "EUR", "DE",
                Instant.ofEpochMilli(1_764_151_200_000L + random.nextInt(1 << 30)), "c-1", "00-abc-def-01");
        return FeedRecords.payment("payments", payment).value();
    }

    static FeatureValue feature(Random random) {
        FeatureView view = random.nextBoolean() ? FeatureView.TXN_VELOCITY_5M : FeatureView.AMOUNT_STATS_1H;
        Double max = view == FeatureView.AMOUNT_STATS_1H && random.nextBoolean() ? random.nextDouble() * 900 : null;
        return new FeatureValue("f-" + Long.toHexString(random.nextLong()), view, 1 + random.nextInt(4),
                "card-0" + (101 + random.nextInt(50)), Instant.ofEpochMilli(1_764_151_200_000L + random.nextInt(1 << 30)),
                random.nextInt(40), max, "p-1", "c-1", "00-abc-def-01", List.of());
    }

    /** The feature's Avro body without framing: what a topic configured for plain Avro holds. */
    static byte[] featurePlain(FeatureValue feature) {
        byte[] framed = FeatureSchemas.encode(feature);
        return Arrays.copyOfRange(framed, AvroPayloads.SINGLE_OBJECT_HEADER, framed.length);
    }

    static byte[] validAvroRegistry(Random random) {
        return random.nextBoolean()
                ? AvroSamples.registryFramed(RobustnessDecoders.PAYMENT_ID, AvroSamples.PAYMENT, AvroSamples.payment())
                : registryFramed(feature(random));
    }

    static byte[] registryFramed(FeatureValue feature) {
        byte[] body = featurePlain(feature);
        int id = RobustnessDecoders.idOf(FeatureSchemas.schemaOf(feature));
        return ByteBuffer.allocate(AvroPayloads.REGISTRY_HEADER + body.length).put((byte) 0).putInt(id).put(body).array();
    }

    static byte[] validSingleObject(Random random) {
        return random.nextInt(4) == 0
                ? AvroSamples.singleObject(AvroSamples.PAYMENT, AvroSamples.payment())
                : FeatureSchemas.encode(feature(random));
    }

    static byte[] validPlain(Random random) {
        return random.nextBoolean() ? AvroSamples.plain(AvroSamples.PAYMENT, randomPayment(random)) : featurePlain(feature(random));
    }

    /** The sample payment with a note and tags of random length, so lengths and block counts vary. */
    private static GenericRecord randomPayment(Random random) {
        GenericRecord payment = AvroSamples.payment();
        payment.put("note", random.nextBoolean() ? null : "x".repeat(random.nextInt(300)));
        payment.put("tags", new GenericData.Array<>(AvroSamples.PAYMENT.getField("tags").schema(),
                List.of("eu", "card-present", "3ds").subList(0, random.nextInt(4))));
        return payment;
    }

    /** One to three corruptions of the valid payload, chosen at random. */
    static byte[] mutate(byte[] valid, Random random) {
        byte[] bytes = valid;
        int times = 1 + random.nextInt(3);
        for (int i = 0; i < times; i++) {
            bytes = switch (random.nextInt(7)) {
                case 0 -> Arrays.copyOf(bytes, bytes.length == 0 ? 0 : random.nextInt(bytes.length));
                case 1 -> flipBits(bytes, random);
                case 2 -> overwrite(bytes, random);
                case 3 -> insert(bytes, random, randomBytes(random, 1 + random.nextInt(8)));
                case 4 -> delete(bytes, random);
                case 5 -> replaceSchemaId(bytes, random);
                default -> hugeLength(bytes, random);
            };
        }
        return bytes;
    }

    /** A huge varint written over or into the body, where Avro reads a length, a count or an index. */
    static byte[] hugeLength(byte[] bytes, Random random) {
        byte[] varint = HUGE_VARINTS[random.nextInt(HUGE_VARINTS.length)];
        if (random.nextBoolean()) {
            return insert(bytes, random, varint);
        }
        byte[] out = bytes.length < varint.length ? Arrays.copyOf(bytes, varint.length) : bytes.clone();
        System.arraycopy(varint, 0, out, random.nextInt(out.length - varint.length + 1), varint.length);
        return out;
    }

    static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] flipBits(byte[] bytes, Random random) {
        byte[] out = bytes.clone();
        for (int i = 0, n = 1 + random.nextInt(4); i < n && out.length > 0; i++) {
            out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
    }

    private static byte[] overwrite(byte[] bytes, Random random) {
        byte[] out = bytes.clone();
        for (int i = 0, n = 1 + random.nextInt(4); i < n && out.length > 0; i++) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
    }

    private static byte[] insert(byte[] bytes, Random random, byte[] inserted) {
        int at = random.nextInt(bytes.length + 1);
        byte[] out = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(bytes, at, out, at + inserted.length, bytes.length - at);
        return out;
    }

    private static byte[] delete(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return bytes;
        }
        int at = random.nextInt(bytes.length);
        int count = Math.min(bytes.length - at, 1 + random.nextInt(8));
        byte[] out = new byte[bytes.length - count];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(bytes, at + count, out, at, bytes.length - at - count);
        return out;
    }

    /** Another schema id in the registry framing: a known one of another schema, or any int at all. */
    private static byte[] replaceSchemaId(byte[] bytes, Random random) {
        if (bytes.length < AvroPayloads.REGISTRY_HEADER) {
            return bytes;
        }
        byte[] out = bytes.clone();
        int id = random.nextBoolean() ? RobustnessDecoders.randomKnownId(random) : random.nextInt();
        ByteBuffer.wrap(out, 1, 4).putInt(id);
        return out;
    }
}
