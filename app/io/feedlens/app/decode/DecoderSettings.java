package io.feedlens.app.decode;

import java.util.HashMap;
import java.util.Map;

/**
 * Everything the decoder may be told: the cluster's schema registry (null when none), local schemas for
 * single-object payloads, per-topic choices for keys and values, and the largest payload it tries to decode.
 */
public record DecoderSettings(SchemaRegistry registry, LocalSchemas localSchemas,
                              Map<String, TopicDecoding> keys, Map<String, TopicDecoding> values, int maxDecodeBytes) {

    /** Larger payloads are shown as a hex preview: decoding them would hold a screen's worth of memory per record. */
    public static final int DEFAULT_MAX_DECODE_BYTES = 64 << 20;

    public DecoderSettings {
        localSchemas = localSchemas == null ? LocalSchemas.none() : localSchemas;
        keys = Map.copyOf(keys);
        values = Map.copyOf(values);
    }

    public static DecoderSettings automatic() {
        return new DecoderSettings(null, LocalSchemas.none(), Map.of(), Map.of(), DEFAULT_MAX_DECODE_BYTES);
    }

    public DecoderSettings withRegistry(SchemaRegistry registry) {
        return new DecoderSettings(registry, localSchemas, keys, values, maxDecodeBytes);
    }

    public DecoderSettings withLocalSchemas(LocalSchemas local) {
        return new DecoderSettings(registry, local, keys, values, maxDecodeBytes);
    }

    public DecoderSettings withValues(String topic, TopicDecoding decoding) {
        Map<String, TopicDecoding> changed = new HashMap<>(values);
        changed.put(topic, decoding);
        return new DecoderSettings(registry, localSchemas, keys, changed, maxDecodeBytes);
    }

    public DecoderSettings withKeys(String topic, TopicDecoding decoding) {
        Map<String, TopicDecoding> changed = new HashMap<>(keys);
        changed.put(topic, decoding);
        return new DecoderSettings(registry, localSchemas, changed, values, maxDecodeBytes);
    }

    public DecoderSettings withMaxDecodeBytes(int max) {
        return new DecoderSettings(registry, localSchemas, keys, values, max);
    }

    TopicDecoding forTopic(String topic, boolean key) {
        return (key ? keys : values).getOrDefault(topic, TopicDecoding.AUTOMATIC);
    }
}
