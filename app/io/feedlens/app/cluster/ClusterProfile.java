package io.feedlens.app.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A saved connection: a name people recognise, the bootstrap servers, further Kafka client properties
 * under Kafka's own names ({@code security.protocol}, {@code sasl.mechanism}, …), and whether FeedLens may write
 * to the cluster (offset resets, produce, delete). Profiles saved before {@code writable} existed read as read-only.
 */
public record ClusterProfile(String name, String bootstrapServers, Map<String, String> properties, boolean writable) {

    public ClusterProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** A read-only profile: writes stay off until someone marks the connection writable. */
    public ClusterProfile(String name, String bootstrapServers, Map<String, String> properties) {
        this(name, bootstrapServers, properties, false);
    }

    public static ClusterProfile of(String name, String bootstrapServers) {
        return new ClusterProfile(name, bootstrapServers, Map.of());
    }

    public ClusterProfile withWritable(boolean allowWrites) {
        return new ClusterProfile(name, bootstrapServers, properties, allowWrites);
    }

    /**
     * The Kafka client configuration this profile stands for; the bootstrap field wins over a property of the same
     * name. Schema Registry settings are left out: Kafka clients would warn about them as unknown.
     */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        properties.forEach((name, value) -> {
            if (!isRegistryProperty(name)) {
                config.put(name, value);
            }
        });
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }

    /** The Schema Registry client settings, under the names Confluent's clients use ({@code schema.registry.url}, …). */
    public Map<String, String> registryProperties() {
        Map<String, String> registry = new LinkedHashMap<>();
        properties.forEach((name, value) -> {
            if (isRegistryProperty(name)) {
                registry.put(name, value);
            }
        });
        return registry;
    }

    private static boolean isRegistryProperty(String name) {
        return name.startsWith("schema.registry.") || name.startsWith("basic.auth.");
    }
}
