package io.feedlens.app.acls;

import java.util.Locale;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;

/**
 * One ACL as a person reads it: who ({@code User:alice}), from where ({@code *} for anywhere), may or may not do what,
 * to which resource ({@code TOPIC} {@code payments.}, a {@code PREFIXED} pattern).
 */
public record AclEntry(String principal, String host, String operation, boolean allow,
                       String resourceType, String resourceName, String patternType) {

    static AclEntry of(AclBinding binding) {
        return new AclEntry(binding.entry().principal(), binding.entry().host(), binding.entry().operation().name(),
                binding.entry().permissionType().name().equals("ALLOW"), binding.pattern().resourceType().name(),
                binding.pattern().name(), binding.pattern().patternType().name());
    }

    /** Whether this ACL is about the topic: its exact name, the {@code *} wildcard, or a prefix of the name. */
    public boolean coversTopic(String topic) {
        if (!resourceType.equals("TOPIC")) {
            return false;
        }
        if (patternType.equals(PatternType.PREFIXED.name())) {
            return topic.startsWith(resourceName);
        }
        return patternType.equals(PatternType.LITERAL.name()) && (resourceName.equals("*") || resourceName.equals(topic));
    }

    /** Whether it grants or denies {@code operation} (READ, WRITE): ALL counts for every operation. */
    public boolean concerns(String operation) {
        return this.operation.equals(operation) || this.operation.equals("ALL");
    }

    /** The principal, with the host when the ACL holds only from one. */
    public String who() {
        return host.equals("*") ? principal : principal + " from " + host;
    }

    /** The resource in words: "topic payments.* (prefix)", "topic orders", "the cluster". */
    public String resource() {
        String type = resourceType.toLowerCase(Locale.ROOT).replace('_', ' ');
        if (resourceType.equals("CLUSTER")) {
            return "the cluster";
        }
        return type + " " + resourceName + (patternType.equals("PREFIXED") ? " (prefix)" : "");
    }
}
