package io.feedlens.app.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedlens.lineage.FeatureStatus;
import io.feedlens.lineage.trace.TraceFlag;

/**
 * The evidence behind one decision, as the JSON file holds it and the HTML file shows it: the decision and its output,
 * every input with value, as-of time, status, freshness and flags, every source record read again from Kafka and
 * decoded with its SHA-256 digests (see {@link RecordHashes}) or the reason it could not be read, the topics' owners,
 * the cluster, the state of the lineage index, and when and by which FeedLens version the report was made.
 */
public record AuditReport(String format, int formatVersion, Instant madeAt, String madeBy, String clusterId, String bootstrapServers,
                          Decision decision, List<Input> inputs, List<SourceRecord> records, IndexState index,
                          List<Legend> legend, String hashing) {

    public static final String FORMAT = "feedlens-audit-report";
    public static final int FORMAT_VERSION = 1;
    /** What a topic's owner reads as when the cluster's governance file names none ({@code feedlens governance set}). */
    public static final String OWNER_NOT_RECORDED = "not recorded";

    public AuditReport {
        inputs = List.copyOf(inputs);
        records = List.copyOf(records);
        legend = List.copyOf(legend);
    }

    /**
     * @param output     the decision record's value without its {@code used} list (the inputs hold that); null when the
     *                   record could not be read again, and then {@code outputNote} says why
     */
    public record Decision(String id, String source, String entity, Instant decidedAt, String modelId, String modelVersion,
                           List<String> coordinates, JsonNode output, String outputNote, Set<TraceFlag> flags) {
    }

    /**
     * @param freshness decision time − as-of time; null when the feature record is missing
     * @param ttl       the view's time to live as configured in the lineage profile; null when none is
     * @param masked    what stands for a value or status the cluster's masking rules hide (that field is then null)
     */
    public record Input(String reference, boolean inferred, String featureView, Integer featureVersion, String featureId,
                        String entity, Double value, Double loggedValue, FeatureStatus loggedStatus, Map<String, String> masked,
                        Instant asOf, Duration freshness, Duration ttl, List<String> coordinates, Set<TraceFlag> flags,
                        List<String> notes, List<Event> events) {
    }

    /** @param beforeFeature feature as-of time − event time */
    public record Event(String reference, String id, String source, String entity, Instant time, Duration beforeFeature,
                        List<String> coordinates, Set<TraceFlag> flags, List<String> notes) {
    }

    /**
     * One Kafka record the trace names, as read again when the report was made.
     *
     * @param role        decision, feature or event
     * @param unavailable why the record could not be read (null when {@code fetched}); {@code unavailableKind} is the
     *                    same as a word a program checks ({@code LEFT_RETENTION}, {@code TOPIC_GONE}, …)
     * @param sha256      null when not fetched
     */
    public record SourceRecord(String role, String factId, String coordinates, String topic, int partition, long offset,
                               boolean fetched, String unavailableKind, String unavailable, Instant timestamp, String timestampType,
                               Payload key, Payload value, List<HeaderEntry> headers, RecordHashes sha256, String note) {
    }

    /** A decoded key or value: the format FeedLens read it as, the content, and the reason when it fell back to bytes. */
    public record Payload(String format, String schema, JsonNode content, String problem, int bytes) {
    }

    /** One header, as text when printable and as hex otherwise. */
    public record HeaderEntry(String name, String value, boolean printable) {
    }

    /** @param recordsIndexed records in the index per role, plus {@code skipped} */
    public record IndexState(Map<String, Long> recordsIndexed, List<TopicState> topics) {
    }

    /** @param role the topic's lineage role, or null when the lineage profile gives it none */
    public record TopicState(String topic, String role, String owner, List<PartitionState> partitions, String problem) {
    }

    /**
     * @param indexedUpTo the next offset the index will read (everything below is indexed); null when never indexed
     * @param earliest    the first offset Kafka still keeps; null when Kafka did not answer
     * @param end         the offset the next record will get; null when Kafka did not answer
     */
    public record PartitionState(int partition, Long indexedUpTo, Long earliest, Long end) {
    }

    public record Legend(String flag, String symbol, String word, String meaning) {

        static Legend of(FlagWords words) {
            return new Legend(words.code(), words.symbol(), words.word(), words.meaning());
        }
    }
}
