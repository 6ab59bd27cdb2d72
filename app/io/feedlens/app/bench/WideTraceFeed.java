package io.feedlens.app.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedlens.app.cluster.TopicReadiness;
import io.feedlens.lineage.CloudEventHeaders;
import io.feedlens.lineage.extract.LineageProfile;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One decision as wide as the trace-speed target names: {@code features} feature records of different views, each
 * derived from {@code eventsPerFeature} payments, written by the lineage convention (JSON values, CloudEvents headers).
 */
public final class WideTraceFeed {

    public static final String DECISION_ID = "d-wide-0001";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String prefix;

    public WideTraceFeed(String prefix) {
        this.prefix = prefix;
    }

    public String events() {
        return prefix + "events";
    }

    public String features() {
        return prefix + "features";
    }

    public String decisions() {
        return prefix + "decisions";
    }

    /** Roles of the three topics, each view with a 10-minute TTL. */
    public LineageProfile profile(int features) {
        LineageProfile profile = LineageProfile.roles(List.of(events()), List.of(features()), List.of(decisions()));
        for (int f = 0; f < features; f++) {
            profile = profile.withTtl(view(f), Duration.ofMinutes(10));
        }
        return profile;
    }

    /** Creates the topics and writes the records; the decision is made a minute ago. */
    public void write(String bootstrap, int features, int eventsPerFeature) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            List<NewTopic> topics = List.of(new NewTopic(events(), 3, (short) 1), new NewTopic(features(), 3, (short) 1),
                    new NewTopic(decisions(), 1, (short) 1));
            admin.createTopics(topics).all().get();
            TopicReadiness.awaitLeaders(admin, topics);
        }
        Instant decided = Instant.now().minusSeconds(60);
        ArrayNode used = JSON.createArrayNode();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int f = 0; f < features; f++) {
                List<String> parents = new ArrayList<>();
                Instant asOf = decided.minusSeconds(5 + f);
                for (int e = 0; e < eventsPerFeature; e++) {
                    String id = "p-wide-" + f + "-" + e;
                    parents.add("id:" + id);
                    send(producer, events(), id, "/payments/gateway", "com.acme.payment.attempted", asOf.minusSeconds(e + 1), null,
                            JSON.createObjectNode().put("payment_id", id).put("amount", 10 + e));
                }
                String featureId = "f-wide-" + f;
                RecordHeaders extra = new RecordHeaders();
                extra.add(CloudEventHeaders.FEATURE_VIEW, view(f).getBytes(StandardCharsets.UTF_8));
                extra.add(CloudEventHeaders.FEATURE_VERSION, "1".getBytes(StandardCharsets.UTF_8));
                extra.add(CloudEventHeaders.LINEAGE_PARENTS, String.join(",", parents).getBytes(StandardCharsets.UTF_8));
                send(producer, features(), featureId, "/features/wide", "com.acme.feature.computed", asOf, extra,
                        JSON.createObjectNode().put("value", f));
                used.add(JSON.createObjectNode().put("featureview", view(f)).put("version", 1).put("feature_id", featureId)
                        .put("value", f).put("as_of", asOf.toString()).put("status", "PRESENT"));
            }
            RecordHeaders model = new RecordHeaders();
            model.add(CloudEventHeaders.MODEL_ID, "fraud-gbm".getBytes(StandardCharsets.UTF_8));
            model.add(CloudEventHeaders.MODEL_VERSION, "7".getBytes(StandardCharsets.UTF_8));
            ObjectNode decision = JSON.createObjectNode().put("decision_id", DECISION_ID).put("entity", "card-wide").put("score", 0.42);
            decision.set("used", used);
            send(producer, decisions(), DECISION_ID, "/models/fraud", "com.acme.fraud.decided", decided, model, decision);
            producer.flush();
        }
    }

    private static String view(int feature) {
        return "wide_view_" + feature;
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String id, String source, String type,
                             Instant time, RecordHeaders extra, ObjectNode value) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0.getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.ID, id.getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SOURCE, source.getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.TIME, time.toString().getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SUBJECT, "card-wide".getBytes(StandardCharsets.UTF_8));
        if (extra != null) {
            extra.forEach(headers::add);
        }
        producer.send(new ProducerRecord<>(topic, null, time.toEpochMilli(), "card-wide".getBytes(StandardCharsets.UTF_8),
                JSON.writeValueAsBytes(value), headers)).get();
    }
}
