package io.feedlens.lineage.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.feedlens.lineage.model.Role;

/**
 * Per cluster: which topics hold events, features and decisions, where a feature record keeps its value, and how
 * long each feature view's values stay usable (its TTL, for the as-of join and the stale flag).
 *
 * @param valuePointers JSON pointer of the value per feature view; views not listed use {@code /value}
 */
public record LineageProfile(Map<String, Role> topicRoles, Map<String, String> valuePointers, Map<String, Duration> ttls) {

    public static final String DEFAULT_VALUE_POINTER = "/value";

    /** TTLs as ISO-8601 text ("PT10M"), so a shared profile file reads plainly. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    public LineageProfile {
        topicRoles = Map.copyOf(topicRoles);
        valuePointers = Map.copyOf(valuePointers);
        ttls = Map.copyOf(ttls);
    }

    /** The demo fraud feed's profile, for topics named with {@code prefix} (empty for the real demo). */
    public static LineageProfile demo(String prefix) {
        return roles(List.of(prefix + "payments"), List.of(prefix + "features.txn_velocity", prefix + "features.amount_stats"),
                List.of(prefix + "decisions.fraud"))
                .withValuePointer("txn_velocity_5m", "/txn_count").withValuePointer("amount_stats_1h", "/mean_amount")
                .withTtl("txn_velocity_5m", Duration.ofMinutes(10)).withTtl("amount_stats_1h", Duration.ofMinutes(30));
    }

    public static LineageProfile roles(List<String> events, List<String> features, List<String> decisions) {
        Map<String, Role> roles = new HashMap<>();
        events.forEach(topic -> roles.put(topic, Role.EVENT));
        features.forEach(topic -> roles.put(topic, Role.FEATURE));
        decisions.forEach(topic -> roles.put(topic, Role.DECISION));
        return new LineageProfile(roles, Map.of(), Map.of());
    }

    public LineageProfile withValuePointer(String view, String pointer) {
        Map<String, String> changed = new HashMap<>(valuePointers);
        changed.put(view, pointer);
        return new LineageProfile(topicRoles, changed, ttls);
    }

    public LineageProfile withTtl(String view, Duration ttl) {
        Map<String, Duration> changed = new HashMap<>(ttls);
        changed.put(view, ttl);
        return new LineageProfile(topicRoles, valuePointers, changed);
    }

    public Optional<Role> roleOf(String topic) {
        return Optional.ofNullable(topicRoles.get(topic));
    }

    public List<String> topics() {
        return topicRoles.keySet().stream().sorted().toList();
    }

    public String valuePointer(String view) {
        return valuePointers.getOrDefault(view, DEFAULT_VALUE_POINTER);
    }

    /** Views without a configured TTL never count as stale. */
    public Optional<Duration> ttl(String view) {
        return Optional.ofNullable(ttls.get(view));
    }

    /** Writes the profile as a JSON file a team can share. */
    public void writeTo(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    public static LineageProfile readFrom(Path file) throws IOException {
        return JSON.readValue(file.toFile(), LineageProfile.class);
    }
}
