package io.feedlens.app.governance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.feedlens.app.cluster.ClusterSession;
import io.feedlens.lineage.trace.TopicPolicy;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The trace's {@link TopicPolicy} from a cluster's governance file and its topics' {@code retention.ms}, asked of
 * Kafka once per topic that has a required retention. A topic Kafka does not answer for is not flagged: a check
 * that cannot be made is not evidence of a problem (the trace says what it could not read elsewhere).
 */
public final class GovernedTopics implements TopicPolicy {

    private final ClusterGovernance governance;
    private final RetentionLookup retention;
    private final Map<String, Optional<Duration>> known = new ConcurrentHashMap<>();

    /** A topic's retention as Kafka has it now; empty when it keeps records forever or cannot be asked. */
    @FunctionalInterface
    public interface RetentionLookup {
        Optional<Duration> retention(String topic);
    }

    public GovernedTopics(ClusterGovernance governance, RetentionLookup retention) {
        this.governance = governance;
        this.retention = retention;
    }

    public static GovernedTopics of(ClusterGovernance governance, Admin admin) {
        return new GovernedTopics(governance, topic -> retentionOf(admin, topic));
    }

    @Override
    public boolean analyticsOnly(String topic) {
        return governance.topic(topic).classification() == Classification.ANALYTICS_ONLY;
    }

    @Override
    public Optional<String> retentionShortfall(String topic) {
        Duration required = governance.topic(topic).requiredRetention();
        if (required == null) {
            return Optional.empty();
        }
        return known.computeIfAbsent(topic, retention::retention)
                .filter(kept -> kept.compareTo(required) < 0)
                .map(kept -> topic + " keeps records " + RetentionWords.of(kept) + ", less than the "
                        + RetentionWords.of(required) + " its owners require: replay at risk");
    }

    static Optional<Duration> retentionOf(Admin admin, String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try {
            Config config = admin.describeConfigs(List.of(resource)).all()
                    .get(ClusterSession.CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(resource);
            ConfigEntry entry = config == null ? null : config.get(TopicConfig.RETENTION_MS_CONFIG);
            if (entry == null || entry.value() == null) {
                return Optional.empty();
            }
            long millis = Long.parseLong(entry.value());
            return millis < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
