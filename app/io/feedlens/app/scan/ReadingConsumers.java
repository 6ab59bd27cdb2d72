package io.feedlens.app.scan;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The one configuration of a consumer that only looks: assigned partitions and seeks, no consumer group, no committed
 * offsets, and never a topic created by looking (a reader of a topic someone just deleted would otherwise re-create it
 * where the broker auto-creates topics, Kafka's default). Callers add what their reading needs.
 */
public final class ReadingConsumers {

    private ReadingConsumers() {
    }

    /**
     * The profile's client settings made safe for looking. {@code apiTimeout} bounds blocking calls, so a dead cluster
     * or a missing topic is said within seconds rather than after the client's default minute.
     */
    public static Map<String, Object> config(Map<String, Object> clientConfig, String clientId, Duration apiTimeout) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) apiTimeout.toMillis());
        return config;
    }
}
