package io.feedlens.app.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.feedlens.app.secrets.SecretReferences;
import io.feedlens.lineage.extract.LineageProfile;

/**
 * A saved connection: a name people recognise, the bootstrap servers, further Kafka client properties
 * under Kafka's own names ({@code security.protocol}, {@code sasl.mechanism}, …), and whether FeedLens may write
 * to the cluster (offset resets, produce, delete). Profiles saved before {@code writable} existed read as read-only.
 *
 * <p>Secrets sit in the properties as references in Kafka's config-provider syntax ({@code ${env:NAME}},
 * {@code ${file:/path:key}}, or FeedLens's encrypted {@code ${feedlens:…}}); the Kafka clients resolve them when they
 * connect. {@link #toString()} never shows a secret.
 *
 * @param lineage which topics hold events, features and decisions and where their facts are (null: none saved; the
 *                lineage commands then use their options or the demo feed's profile)
 */
public record ClusterProfile(String name, String bootstrapServers, Map<String, String> properties, boolean writable,
                             @JsonInclude(JsonInclude.Include.NON_NULL) LineageProfile lineage) {

    public ClusterProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public ClusterProfile(String name, String bootstrapServers, Map<String, String> properties, boolean writable) {
        this(name, bootstrapServers, properties, writable, null);
    }

    /** A read-only profile: writes stay off until someone marks the connection writable. */
    public ClusterProfile(String name, String bootstrapServers, Map<String, String> properties) {
        this(name, bootstrapServers, properties, false);
    }

    public static ClusterProfile of(String name, String bootstrapServers) {
        return new ClusterProfile(name, bootstrapServers, Map.of());
    }

    /**
     * A profile from the properties of a Kafka {@code client.properties} file: its {@code bootstrap.servers} becomes
     * the bootstrap field, everything else stays a client property under its own name.
     */
    public static ClusterProfile fromClientProperties(String name, Map<String, String> clientProperties) {
        Map<String, String> rest = new LinkedHashMap<>(clientProperties);
        String bootstrap = rest.remove("bootstrap.servers");
        return new ClusterProfile(name, bootstrap == null ? "" : bootstrap.trim(), rest);
    }

    public ClusterProfile withWritable(boolean allowWrites) {
        return new ClusterProfile(name, bootstrapServers, properties, allowWrites, lineage);
    }

    /** The same connection with this lineage profile (null removes it). */
    public ClusterProfile withLineage(LineageProfile profile) {
        return new ClusterProfile(name, bootstrapServers, properties, writable, profile);
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
        SecretReferences.addProviders(config);
        return config;
    }

    /**
     * The Schema Registry client settings, under the names Confluent's clients use ({@code schema.registry.url}, …),
     * with secret references resolved: no Kafka client reads these, so nobody else would.
     */
    public Map<String, String> registryProperties() {
        Map<String, String> registry = new LinkedHashMap<>();
        properties.forEach((name, value) -> {
            if (isRegistryProperty(name)) {
                registry.put(name, value);
            }
        });
        return SecretReferences.resolve(registry);
    }

    private static boolean isRegistryProperty(String name) {
        return name.startsWith("schema.registry.") || name.startsWith("basic.auth.");
    }

    /** The security settings as the profile form shows them. */
    public ConnectionSecurity security() {
        return ConnectionSecurity.from(properties);
    }

    @Override
    public String toString() {
        return "ClusterProfile[name=" + name + ", bootstrapServers=" + bootstrapServers + ", properties="
                + SecretReferences.redacted(properties) + ", writable=" + writable + "]";
    }
}
