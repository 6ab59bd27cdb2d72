package io.feedlens.lineage.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.feedlens.lineage.model.Role;

/**
 * Per cluster: which topics hold events, features and decisions, where each role's records keep their facts (the
 * convention unless mapped), where a feature record keeps its value per view, and how long each feature view's
 * values stay usable (its TTL, for the as-of join and the stale flag). Written to and read from a JSON file
 * ({@link ProfileFile}) so a team can share one.
 *
 * @param valuePointers where the value of a feature view's records is, per view; views not listed use the feature
 *                      mapping's {@code value} ({@code /value} by convention)
 * @param facts         where each role keeps its facts; null reads as the convention
 */
public record LineageProfile(Map<String, Role> topicRoles, Map<String, FactSource> valuePointers, Map<String, Duration> ttls,
                             FeedMapping facts) {

    public LineageProfile {
        // A file may leave any part out: the parts it leaves out are empty or, for facts, the convention.
        topicRoles = topicRoles == null ? Map.of() : Map.copyOf(topicRoles);
        valuePointers = valuePointers == null ? Map.of() : Map.copyOf(valuePointers);
        ttls = ttls == null ? Map.of() : Map.copyOf(ttls);
        facts = facts == null ? FeedMapping.CONVENTION : facts;
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
        return new LineageProfile(roles, Map.of(), Map.of(), null);
    }

    /** {@code pointer} as a profile file writes it: a JSON pointer, or header:NAME. */
    public LineageProfile withValuePointer(String view, String pointer) {
        Map<String, FactSource> changed = new HashMap<>(valuePointers);
        changed.put(view, FactSource.of(pointer));
        return new LineageProfile(topicRoles, changed, ttls, facts);
    }

    public LineageProfile withTtl(String view, Duration ttl) {
        Map<String, Duration> changed = new HashMap<>(ttls);
        changed.put(view, ttl);
        return new LineageProfile(topicRoles, valuePointers, changed, facts);
    }

    public LineageProfile withFacts(FeedMapping mapping) {
        return new LineageProfile(topicRoles, valuePointers, ttls, mapping);
    }

    public Optional<Role> roleOf(String topic) {
        return Optional.ofNullable(topicRoles.get(topic));
    }

    public List<String> topics() {
        return topicRoles.keySet().stream().sorted().toList();
    }

    /** Where the records of a feature view keep their value. */
    public FactSource valueOf(String view) {
        FactSource pointer = valuePointers.get(view);
        return pointer != null ? pointer : facts.feature().value();
    }

    /**
     * The top-level fields of a record's value that extraction reads for this role, so the indexer can have the decoder
     * build only those of a JSON value (the whole value is still checked): none for events under the convention.
     */
    public Set<String> valueFields(Role role) {
        Set<String> fields = new HashSet<>();
        facts.of(role).sources().forEach(source -> source.addValueFields(fields));
        if (role == Role.FEATURE) {
            valuePointers.values().forEach(source -> source.addValueFields(fields));
        }
        return fields;
    }

    /** Views without a configured TTL never count as stale. */
    public Optional<Duration> ttl(String view) {
        return Optional.ofNullable(ttls.get(view));
    }

    /** Writes the profile as a JSON file a team can share. */
    public void writeTo(Path file) throws IOException {
        ProfileFile.write(this, file);
    }

    /** Reads a profile file; a file that is not a profile fails with a {@link ProfileFile.Problem} saying where and why. */
    public static LineageProfile readFrom(Path file) throws IOException {
        return ProfileFile.read(file);
    }
}
