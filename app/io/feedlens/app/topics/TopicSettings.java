package io.feedlens.app.topics;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.DescribeConfigsResult;
import org.apache.kafka.common.config.ConfigResource;

/** The configs of many topics from one describeConfigs call, each marked with where its value comes from. */
final class TopicSettings {

    private final DescribeConfigsResult result;
    private final Collection<String> topics;

    private TopicSettings(DescribeConfigsResult result, Collection<String> topics) {
        this.result = result;
        this.topics = topics;
    }

    static TopicSettings ask(Admin admin, Collection<String> topics) {
        List<ConfigResource> resources = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        // Synonyms and documentation would multiply the answer for 1,000 topics and nobody reads them in a list.
        DescribeConfigsOptions lean = new DescribeConfigsOptions().includeSynonyms(false).includeDocumentation(false);
        return new TopicSettings(admin.describeConfigs(resources, lean), topics);
    }

    /** Settings per topic, sorted by name; a topic the cluster refused to describe is missing from the map. */
    Map<String, List<TopicSetting>> perTopic(ClusterCalls calls) {
        Map<ConfigResource, Config> configs = calls.awaitEach(result.values());
        return configs.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().name(), e -> settings(e.getValue())));
    }

    private static List<TopicSetting> settings(Config config) {
        return config.entries().stream()
                .map(TopicSettings::setting)
                .sorted(Comparator.comparing(TopicSetting::name))
                .toList();
    }

    private static TopicSetting setting(ConfigEntry entry) {
        return new TopicSetting(entry.name(), entry.value(), !entry.isDefault(), origin(entry.source()), entry.isSensitive());
    }

    static String origin(ConfigEntry.ConfigSource source) {
        return switch (source) {
            case DYNAMIC_TOPIC_CONFIG -> "topic override";
            case DYNAMIC_BROKER_CONFIG, DYNAMIC_DEFAULT_BROKER_CONFIG, DYNAMIC_BROKER_LOGGER_CONFIG,
                 DYNAMIC_CLIENT_METRICS_CONFIG, DYNAMIC_GROUP_CONFIG -> "broker setting (dynamic)";
            case STATIC_BROKER_CONFIG -> "broker setting";
            case DEFAULT_CONFIG -> "default";
            default -> "unknown";
        };
    }

    /** The value of {@code name} in a topic's settings, or null. */
    static String value(List<TopicSetting> settings, String name) {
        return settings.stream().filter(s -> s.name().equals(name)).map(TopicSetting::value).findFirst().orElse(null);
    }

    static Function<String, Long> longValue(List<TopicSetting> settings) {
        return name -> {
            String value = value(settings, name);
            try {
                return value == null ? null : Long.valueOf(value.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        };
    }
}
