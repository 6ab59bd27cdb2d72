package io.feedlens.app.topics;

/**
 * One config of a topic with where its value comes from.
 *
 * @param nonDefault true when the value is not Kafka's built-in default (set on the topic, or by the broker)
 * @param origin     where the value comes from, in words: "topic override", "broker setting", "default"
 * @param value      null when Kafka hides it (sensitive) or has none
 */
public record TopicSetting(String name, String value, boolean nonDefault, String origin, boolean sensitive) {
}
