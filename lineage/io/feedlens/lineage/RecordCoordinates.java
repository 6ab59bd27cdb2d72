package io.feedlens.lineage;

import java.util.Objects;

/**
 * Where one record lives in Kafka: topic, partition and offset, written {@code topic/partition@offset}
 * as in LINEAGE.md's {@code ref} and {@code ce_lineageparents} entries.
 */
public record RecordCoordinates(String topic, int partition, long offset) {

    public RecordCoordinates {
        Objects.requireNonNull(topic, "topic");
        if (topic.isEmpty() || partition < 0 || offset < 0) {
            throw new IllegalArgumentException("Not record coordinates: " + topic + "/" + partition + "@" + offset);
        }
    }

    /** Reads {@code topic/partition@offset}; topic names may themselves contain dots but not '/' or '@'. */
    public static RecordCoordinates parse(String text) {
        int slash = text.lastIndexOf('/');
        int at = text.lastIndexOf('@');
        if (slash <= 0 || at < slash + 2 || at == text.length() - 1) {
            throw new IllegalArgumentException("Expected topic/partition@offset, got '" + text + "'");
        }
        try {
            return new RecordCoordinates(text.substring(0, slash),
                    Integer.parseInt(text.substring(slash + 1, at)),
                    Long.parseLong(text.substring(at + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Expected topic/partition@offset, got '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return topic + "/" + partition + "@" + offset;
    }
}
