package io.feedlens.app.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.feedlens.app.decode.registry.RegistrySettings;
import io.feedlens.app.decode.registry.SchemaRegistryClient;
import io.feedlens.testing.SchemaRegistryStandIn;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * The decoder's promise — it never throws, never hangs, always says why it fell back — checked on more than
 * 100,000 random and corrupted payloads, each fed through every decoding path: detection with nothing configured,
 * and a decoder with a registry, local schemas, plain Avro, reader schemas and a topic pinned to each format.
 */
class DecoderRobustnessProperties {

    /** Tries of the in-memory-registry properties below; they sum to the payload count promised above. */
    private static final int RANDOM_TRIES = 30_000;
    private static final int JSON_TRIES = 15_000;
    private static final int REGISTRY_TRIES = 20_000;
    private static final int SINGLE_OBJECT_TRIES = 20_000;
    private static final int PLAIN_TRIES = 15_000;
    private static final int REAL_CLIENT_TRIES = 500;

    private static final long MAX_NANOS_PER_DECODE = TimeUnit.SECONDS.toNanos(2);
    /** A bounded decode keeps a few copies of the payload and its preview; tens of megabytes would mean a believed length. */
    private static final long MAX_ALLOCATION_PER_DECODE = 16L << 20;

    private static final RecordDecoder AUTOMATIC = RobustnessDecoders.automatic();
    private static final RecordDecoder EVERYTHING = RobustnessDecoders.everything(RobustnessDecoders.inMemoryRegistry());
    /** One worker, so a hanging decode is caught by a timeout instead of hanging the build. */
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "decoder-robustness");
        thread.setDaemon(true);
        return thread;
    });
    private static final AtomicLong PAYLOADS = new AtomicLong();
    private static final AtomicLong DECODES = new AtomicLong();
    private static final AtomicLong MAX_NANOS = new AtomicLong();
    private static final AtomicLong MAX_ALLOCATED = new AtomicLong();
    private static final long STARTED = System.nanoTime();
    /** Set once the real-client property starts the stand-in, so the report can stop it. */
    private static volatile SchemaRegistryStandIn standIn;

    @Property(tries = RANDOM_TRIES)
    void randomBytesNeverBreakTheDecoder(@ForAll("randomBytes") byte[] payload, @ForAll("headers") Headers headers) {
        decodeEverywhere(EVERYTHING, payload, headers);
    }

    @Property(tries = JSON_TRIES)
    void corruptedPaymentJsonNeverBreaksTheDecoder(@ForAll("corruptedJson") byte[] payload, @ForAll("headers") Headers headers) {
        decodeEverywhere(EVERYTHING, payload, headers);
    }

    @Property(tries = REGISTRY_TRIES)
    void corruptedRegistryAvroNeverBreaksTheDecoder(@ForAll("corruptedRegistryAvro") byte[] payload, @ForAll("headers") Headers headers) {
        decodeEverywhere(EVERYTHING, payload, headers);
    }

    @Property(tries = SINGLE_OBJECT_TRIES)
    void corruptedSingleObjectAvroNeverBreaksTheDecoder(@ForAll("corruptedSingleObject") byte[] payload, @ForAll("headers") Headers headers) {
        decodeEverywhere(EVERYTHING, payload, headers);
    }

    @Property(tries = PLAIN_TRIES)
    void corruptedPlainAvroNeverBreaksTheDecoder(@ForAll("corruptedPlainAvro") byte[] payload, @ForAll("headers") Headers headers) {
        decodeEverywhere(EVERYTHING, payload, headers);
    }

    /** The same promise with the real HTTP client: its errors and caches must not leak out either. Fewer tries: HTTP is slow. */
    @Property(tries = REAL_CLIENT_TRIES)
    void corruptedRegistryAvroThroughTheRealClientNeverBreaksTheDecoder(@ForAll("corruptedRegistryAvro") byte[] payload,
                                                                       @ForAll("headers") Headers headers) {
        decodeEverywhere(RealRegistry.DECODER, RealRegistry.withStandInIds(payload), headers);
    }

    @AfterContainer
    static void report() {
        System.out.printf("Decoder robustness: %,d payloads, %,d decodes in %.1f s; slowest decode %.1f ms, largest allocation %.1f MB%n",
                PAYLOADS.get(), DECODES.get(), (System.nanoTime() - STARTED) / 1e9, MAX_NANOS.get() / 1e6, MAX_ALLOCATED.get() / 1e6);
        SchemaRegistryStandIn started = standIn;
        if (started != null) {
            started.close();
        }
    }

    /** Every topic of the configured decoder, keys as well as values, and detection with nothing configured. */
    private static void decodeEverywhere(RecordDecoder decoder, byte[] payload, Headers headers) {
        PAYLOADS.incrementAndGet();
        Future<?> batch = WORKER.submit(() -> {
            check(AUTOMATIC, "auto", false, payload, headers);
            for (String topic : RobustnessDecoders.TOPICS.keySet()) {
                check(decoder, topic, false, payload, headers);
            }
            check(decoder, "auto", true, payload, headers);
            checkWholeRecord(decoder, payload, headers);
        });
        try {
            batch.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            batch.cancel(true);
            fail("Decoding did not finish within 30 s for " + describe(payload, headers));
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof AssertionError assertion) {
                throw assertion;
            }
            throw new AssertionError("The decoder threw for " + describe(payload, headers), cause);
        }
    }

    private static void check(RecordDecoder decoder, String topic, boolean key, byte[] payload, Headers headers) {
        long allocatedBefore = allocatedByThisThread();
        long began = System.nanoTime();
        Decoded decoded = key ? decoder.decodeKey(topic, payload, headers) : decoder.decodeValue(topic, payload, headers);
        long nanos = System.nanoTime() - began;
        long allocated = allocatedByThisThread() - allocatedBefore;
        DECODES.incrementAndGet();
        MAX_NANOS.accumulateAndGet(nanos, Math::max);
        MAX_ALLOCATED.accumulateAndGet(allocated, Math::max);
        String where = (key ? "key" : "value") + " on " + topic + " of " + describe(payload, headers);
        assertThat(decoded).as(where).isNotNull();
        assertThat(decoded.format()).as(where).isNotNull();
        assertThat(decoded.tree()).as(where).isNotNull();
        if (decoded.format() == Format.BYTES && !topic.equals("pinned.BYTES")) {
            assertThat(decoded.problem()).as("a fallback without a reason: " + where).isNotBlank();
        }
        // The safety net in RecordDecoder turns these into a reason too; they must never get that far.
        assertThat(String.valueOf(decoded.problem())).as(where).doesNotContain("OutOfMemoryError", "StackOverflowError");
        assertThat(nanos).as("decode time of " + where).isLessThan(MAX_NANOS_PER_DECODE);
        assertThat(allocated).as("bytes allocated for " + where).isLessThan(MAX_ALLOCATION_PER_DECODE + 8L * payload(payload));
    }

    /** The whole-record path: key and value together, headers copied. */
    private static void checkWholeRecord(RecordDecoder decoder, byte[] payload, Headers headers) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("auto", 0, 7L, 0L, TimestampType.CREATE_TIME,
                0, 0, payload, payload, headers == null ? new RecordHeaders() : headers, java.util.Optional.empty());
        DecodedRecord decoded = decoder.decode(record);
        assertThat(decoded.key()).isNotNull();
        assertThat(decoded.value()).isNotNull();
        DECODES.addAndGet(2);
    }

    private static int payload(byte[] payload) {
        return payload == null ? 0 : payload.length;
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static String describe(byte[] payload, Headers headers) {
        String hex = payload == null ? "null" : Hex.of(payload, 256) + (payload.length > 256 ? "…" : "");
        return "payload of " + payload(payload) + " bytes " + hex + ", headers " + headers;
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just((byte[]) null)),
                Tuple.of(90, Arbitraries.randoms().map(r -> HostilePayloads.randomBytes(r, r.nextInt(4097)))),
                Tuple.of(5, Arbitraries.randoms().map(r -> HostilePayloads.randomBytes(r, 4097 + r.nextInt(200_000)))),
                // Random bytes behind a real framing reach the Avro readers instead of stopping at the magic bytes.
                Tuple.of(20, Arbitraries.randoms().map(DecoderRobustnessProperties::randomBehindFraming)));
    }

    @Provide
    Arbitrary<byte[]> corruptedJson() {
        return corrupted(HostilePayloads::paymentJson);
    }

    @Provide
    Arbitrary<byte[]> corruptedRegistryAvro() {
        return corrupted(HostilePayloads::validAvroRegistry);
    }

    @Provide
    Arbitrary<byte[]> corruptedSingleObject() {
        return corrupted(HostilePayloads::validSingleObject);
    }

    @Provide
    Arbitrary<byte[]> corruptedPlainAvro() {
        return corrupted(HostilePayloads::validPlain);
    }

    /** Mostly corrupted, sometimes intact (the valid payload must decode through every path too). */
    private static Arbitrary<byte[]> corrupted(java.util.function.Function<Random, byte[]> valid) {
        return Arbitraries.randoms().map(random -> {
            byte[] payload = valid.apply(random);
            return random.nextInt(10) == 0 ? payload : HostilePayloads.mutate(payload, random);
        });
    }

    private static byte[] randomBehindFraming(Random random) {
        byte[] body = HostilePayloads.randomBytes(random, random.nextInt(512));
        ByteBuffer framed = ByteBuffer.allocate(10 + body.length);
        if (random.nextBoolean()) {
            framed.put((byte) 0).putInt(RobustnessDecoders.randomKnownId(random)).put(body);
            return java.util.Arrays.copyOf(framed.array(), 5 + body.length);
        }
        byte[] valid = HostilePayloads.validSingleObject(random);
        return framed.put(valid, 0, 10).put(body).array();
    }

    @Provide
    Arbitrary<Headers> headers() {
        return Arbitraries.randoms().map(DecoderRobustnessProperties::randomHeaders);
    }

    private static Headers randomHeaders(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> null;
            case 1, 2, 3 -> new RecordHeaders();
            default -> {
                RecordHeaders headers = new RecordHeaders();
                headers.add("ce_id", HostilePayloads.randomBytes(random, random.nextInt(20)));
                headers.add(random.nextBoolean() ? RecordDecoder.VALUE_SCHEMA_ID_HEADER : RecordDecoder.KEY_SCHEMA_ID_HEADER,
                        schemaIdHeaderValue(random));
                yield headers;
            }
        };
    }

    private static byte[] schemaIdHeaderValue(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> null;
            case 1 -> ByteBuffer.allocate(4).putInt(RobustnessDecoders.randomKnownId(random)).array();
            case 2 -> String.valueOf(random.nextBoolean() ? RobustnessDecoders.randomKnownId(random) : random.nextInt()).getBytes(StandardCharsets.UTF_8);
            default -> HostilePayloads.randomBytes(random, random.nextInt(9));
        };
    }

    /** The real client against the in-test registry server, started on first use. */
    private static final class RealRegistry {
        private static final SchemaRegistryStandIn STAND_IN = SchemaRegistryStandIn.start();
        /** The payloads carry the in-memory ids; the stand-in gives its own. */
        private static final Map<Integer, Integer> STAND_IN_IDS = register();
        static final RecordDecoder DECODER = RobustnessDecoders.everything(new SchemaRegistryClient(
                RegistrySettings.of(STAND_IN.url()).withTimeouts(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(2))));

        private static Map<Integer, Integer> register() {
            standIn = STAND_IN;
            Map<Integer, Integer> ids = new HashMap<>();
            for (var entry : RobustnessDecoders.registered().entrySet()) {
                ids.put(entry.getKey(), STAND_IN.register("s" + entry.getKey() + "-value", entry.getValue().toString()));
            }
            return ids;
        }

        static byte[] withStandInIds(byte[] payload) {
            if (payload != null && AvroPayloads.looksLikeRegistryFraming(payload)) {
                Integer standIn = STAND_IN_IDS.get(AvroPayloads.registrySchemaId(payload));
                if (standIn != null) {
                    byte[] copy = payload.clone();
                    ByteBuffer.wrap(copy, 1, 4).putInt(standIn);
                    return copy;
                }
            }
            return payload;
        }

    }
}
