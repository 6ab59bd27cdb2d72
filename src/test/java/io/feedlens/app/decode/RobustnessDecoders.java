package io.feedlens.app.decode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.feedlens.app.demo.FeatureSchemas;
import org.apache.avro.Schema;

/**
 * The decoder set-ups the robustness properties feed every payload through: nothing configured; and a registry,
 * local schemas, a topic pinned to each format, plain Avro and reader schemas, one topic per path.
 */
final class RobustnessDecoders {

    static final int PAYMENT_ID = 42;
    private static final Map<Integer, Schema> REGISTERED = Map.of(
            PAYMENT_ID, AvroSamples.PAYMENT,
            101, FeatureSchemas.TXN_VELOCITY,
            102, FeatureSchemas.AMOUNT_STATS_V1,
            103, FeatureSchemas.AMOUNT_STATS_V2);
    private static final List<Integer> IDS = List.copyOf(REGISTERED.keySet());

    /** Topic name → what it is configured as; "auto" is detection with everything available. */
    static final Map<String, TopicDecoding> TOPICS = topics();

    private RobustnessDecoders() {
    }

    static int idOf(Schema schema) {
        return REGISTERED.entrySet().stream().filter(e -> e.getValue().equals(schema)).findFirst().orElseThrow().getKey();
    }

    static int randomKnownId(Random random) {
        return IDS.get(random.nextInt(IDS.size()));
    }

    static RecordDecoder automatic() {
        return new RecordDecoder(DecoderSettings.automatic());
    }

    /** Everything configured, with the in-memory registry (fast) or another one (the real HTTP client). */
    static RecordDecoder everything(SchemaRegistry registry) {
        DecoderSettings settings = DecoderSettings.automatic().withRegistry(registry).withLocalSchemas(LocalSchemas.of(
                FeatureSchemas.TXN_VELOCITY, FeatureSchemas.AMOUNT_STATS_V1, FeatureSchemas.AMOUNT_STATS_V2, AvroSamples.PAYMENT));
        for (Map.Entry<String, TopicDecoding> topic : TOPICS.entrySet()) {
            settings = settings.withValues(topic.getKey(), topic.getValue()).withKeys(topic.getKey(), topic.getValue());
        }
        return new RecordDecoder(settings);
    }

    /** The registry's answers without HTTP, so a hundred thousand payloads take seconds. */
    static SchemaRegistry inMemoryRegistry() {
        return new SchemaRegistry() {
            @Override
            public Schema schemaById(int id) throws SchemaLookupException {
                Schema schema = REGISTERED.get(id);
                if (schema == null) {
                    throw new SchemaLookupException("Schema id " + id + " is unknown to the registry at memory:// (40403)");
                }
                return schema;
            }

            @Override
            public String location() {
                return "memory://";
            }
        };
    }

    /** The registered schemas by the ids the payloads carry, for registering them in the stand-in too. */
    static Map<Integer, Schema> registered() {
        return REGISTERED;
    }

    private static Map<String, TopicDecoding> topics() {
        Map<String, TopicDecoding> topics = new LinkedHashMap<>();
        topics.put("auto", TopicDecoding.AUTOMATIC);
        for (Format format : Format.values()) {
            if (format != Format.NULL) {
                topics.put("pinned." + format.name(), TopicDecoding.pinned(format));
            }
        }
        topics.put("plain.payment", TopicDecoding.plainAvro(AvroSamples.PAYMENT));
        topics.put("plain.velocity", TopicDecoding.plainAvro(FeatureSchemas.TXN_VELOCITY));
        topics.put("plain.stats.reader", TopicDecoding.plainAvro(FeatureSchemas.AMOUNT_STATS_V1).withReaderSchema(FeatureSchemas.AMOUNT_STATS_V2));
        topics.put("auto.reader", TopicDecoding.AUTOMATIC.withReaderSchema(FeatureSchemas.AMOUNT_STATS_V2));
        topics.put("pinned.single.reader", TopicDecoding.pinned(Format.AVRO_SINGLE_OBJECT).withReaderSchema(AvroSamples.PAYMENT_V2));
        topics.put("pinned.registry.reader", TopicDecoding.pinned(Format.AVRO_REGISTRY).withReaderSchema(AvroSamples.PAYMENT_V2));
        return Map.copyOf(topics);
    }
}
