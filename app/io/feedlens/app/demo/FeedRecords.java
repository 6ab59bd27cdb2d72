package io.feedlens.app.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedlens.lineage.CloudEventHeaders;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Turns payments, feature values and decisions into Kafka records that follow LINEAGE.md (CloudEvents binary mode:
 * the fact in the value, its identity and lineage in {@code ce_*} headers), and reads them back. Both the seeded
 * and the live feed write through here, so they cannot drift apart.
 */
public final class FeedRecords {

    static final String PAYMENT_SOURCE = "/payments/gateway";
    static final String PAYMENT_TYPE = "com.acme.payment.attempted";
    static final String DECISION_SOURCE = "/models/fraud-gbm";
    static final String DECISION_TYPE = "com.acme.fraud.decided";

    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedRecords() {
    }

    public static ProducerRecord<byte[], byte[]> payment(String topic, Payment payment) {
        return paymentWithValue(topic, payment, paymentJson(payment));
    }

    /** A payment whose JSON was cut off mid-way, as a crashing gateway might leave it: valid headers, undecodable value. */
    public static ProducerRecord<byte[], byte[]> truncatedPayment(String topic, Payment payment) {
        byte[] whole = paymentJson(payment);
        return paymentWithValue(topic, payment, Arrays.copyOf(whole, whole.length / 2));
    }

    public static ProducerRecord<byte[], byte[]> feature(String topic, FeatureValue feature) {
        return featureWithValue(topic, feature, FeatureSchemas.encode(feature));
    }

    /** A feature record whose single-object header says format 2 (C3 02), which no Avro reader accepts. */
    public static ProducerRecord<byte[], byte[]> featureWithBadMagic(String topic, FeatureValue feature) {
        byte[] value = FeatureSchemas.encode(feature);
        value[1] = 0x02;
        return featureWithValue(topic, feature, value);
    }

    public static ProducerRecord<byte[], byte[]> decision(String topic, FraudDecision decision) {
        Headers headers = cloudEvent(decision.decisionId(), DECISION_SOURCE, DECISION_TYPE, decision.decidedAt(),
                decision.card(), decision.correlationId(), decision.traceparent());
        add(headers, CloudEventHeaders.MODEL_ID, decision.modelId());
        add(headers, CloudEventHeaders.MODEL_VERSION, decision.modelVersion());
        return new ProducerRecord<>(topic, null, decision.decidedAt().toEpochMilli(), decision.card().getBytes(UTF_8),
                decisionJson(decision), headers);
    }

    /** Reads a payment record back; throws {@link IllegalArgumentException} when its value is not a payment. */
    public static Payment readPayment(ConsumerRecord<byte[], byte[]> record) {
        JsonNode json = readJson(record.value());
        return new Payment(json.path("payment_id").asText(), json.path("card").asText(), json.path("merchant").asText(),
                json.path("amount").asDouble(), json.path("currency").asText(), json.path("country").asText(),
                Instant.parse(json.path("event_time").asText()), header(record, CloudEventHeaders.CORRELATION_ID),
                header(record, CloudEventHeaders.TRACEPARENT));
    }

    /** Reads a feature record back; throws when the view header is unknown or the Avro value does not decode. */
    public static FeatureValue readFeature(ConsumerRecord<byte[], byte[]> record) {
        FeatureView view = FeatureView.byViewName(header(record, CloudEventHeaders.FEATURE_VIEW));
        GenericRecord value;
        try {
            value = FeatureSchemas.decoderFor(view).decode(record.value());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not an Avro " + view.viewName() + " value: " + e.getMessage(), e);
        }
        Object max = value.hasField("max_amount") ? value.get("max_amount") : null;
        String parents = header(record, CloudEventHeaders.LINEAGE_PARENTS);
        return new FeatureValue(header(record, CloudEventHeaders.ID), view, ((Number) value.get("feature_version")).intValue(),
                value.get("entity").toString(), Instant.ofEpochMilli((Long) value.get("as_of")), FeatureSchemas.valueOf(value),
                max == null ? null : ((Number) max).doubleValue(), header(record, CloudEventHeaders.CAUSATION_ID),
                header(record, CloudEventHeaders.CORRELATION_ID), header(record, CloudEventHeaders.TRACEPARENT),
                parents == null || parents.isEmpty() ? List.of() : List.of(parents.split(",")));
    }

    /** A header's value as UTF-8 text, or {@code null} when the record lacks it. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }

    private static ProducerRecord<byte[], byte[]> paymentWithValue(String topic, Payment payment, byte[] value) {
        Headers headers = cloudEvent(payment.paymentId(), PAYMENT_SOURCE, PAYMENT_TYPE, payment.eventTime(), payment.card(),
                payment.correlationId(), payment.traceparent());
        // The record timestamp is the event time, so late events look late to any Kafka tool as well.
        return new ProducerRecord<>(topic, null, payment.eventTime().toEpochMilli(), payment.card().getBytes(UTF_8), value, headers);
    }

    private static ProducerRecord<byte[], byte[]> featureWithValue(String topic, FeatureValue feature, byte[] value) {
        Headers headers = cloudEvent(feature.featureId(), feature.view().source(), FeatureView.CE_TYPE, feature.asOf(),
                feature.card(), feature.correlationId(), feature.traceparent());
        add(headers, CloudEventHeaders.FEATURE_VIEW, feature.view().viewName());
        add(headers, CloudEventHeaders.FEATURE_VERSION, String.valueOf(feature.version()));
        add(headers, CloudEventHeaders.CAUSATION_ID, feature.causationId());
        add(headers, CloudEventHeaders.LINEAGE_PARENTS, String.join(",", feature.lineageParents()));
        return new ProducerRecord<>(topic, null, feature.asOf().toEpochMilli(), feature.card().getBytes(UTF_8), value, headers);
    }

    private static Headers cloudEvent(String id, String source, String type, Instant time, String subject,
                                      String correlationId, String traceparent) {
        Headers headers = new RecordHeaders();
        add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        add(headers, CloudEventHeaders.ID, id);
        add(headers, CloudEventHeaders.SOURCE, source);
        add(headers, CloudEventHeaders.TYPE, type);
        add(headers, CloudEventHeaders.TIME, time.toString());
        add(headers, CloudEventHeaders.SUBJECT, subject);
        add(headers, CloudEventHeaders.CORRELATION_ID, correlationId);
        add(headers, CloudEventHeaders.TRACEPARENT, traceparent);
        return headers;
    }

    /** Optional facts are left out rather than written as empty headers. */
    private static void add(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(UTF_8));
        }
    }

    private static byte[] paymentJson(Payment payment) {
        ObjectNode json = JSON.createObjectNode()
                .put("payment_id", payment.paymentId())
                .put("card", payment.card())
                .put("merchant", payment.merchant())
                .put("amount", payment.amount())
                .put("currency", payment.currency())
                .put("country", payment.country())
                .put("event_time", payment.eventTime().toString());
        return writeJson(json);
    }

    private static byte[] decisionJson(FraudDecision decision) {
        ObjectNode json = JSON.createObjectNode()
                .put("decision_id", decision.decisionId())
                .put("entity", decision.card())
                .put("score", decision.score())
                .put("outcome", decision.outcome())
                .put("model_id", decision.modelId())
                .put("model_version", decision.modelVersion())
                .put("decided_at", decision.decidedAt().toString());
        if (decision.usedLogged()) {
            ArrayNode used = json.putArray("used");
            decision.used().forEach(entry -> used.add(usedJson(entry)));
        }
        return writeJson(json);
    }

    private static ObjectNode usedJson(UsedFeature used) {
        ObjectNode json = JSON.createObjectNode()
                .put("featureview", used.view().viewName())
                .put("version", used.version())
                .put("feature_id", used.featureId());
        if (used.view() == FeatureView.TXN_VELOCITY_5M) {
            json.put("value", Math.round(used.value()));
        } else {
            json.put("value", used.value());
        }
        return json.put("as_of", used.asOf().toString()).put("status", used.status().name());
    }

    private static byte[] writeJson(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readJson(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getMessage(), e);
        }
    }
}
