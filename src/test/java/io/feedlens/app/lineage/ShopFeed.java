package io.feedlens.app.lineage;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.demo.GeneratedFeed;
import io.feedlens.lineage.extract.LineageProfile;
import io.feedlens.testing.ReadyTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Test feed that does NOT follow the convention: event ids in an {@code x-event-id} header, features described under
 * {@code /meta} ({@code /meta/view}, {@code /meta/v}, their inputs in {@code /meta/inputs}), decisions listing what
 * they used in {@code inputs[]} of {@code {feature, ver, val, fid}}, times as epoch millis or RFC 3339 text. It keeps
 * what it wrote, so a test can compare traces with it; the mapping for it is test resource {@code lineage/mapped-profile.json}.
 */
public final class ShopFeed {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Decision {@value} logs a basket total one higher than the feature record holds: a trace must flag the mismatch. */
    public static final int MISLOGGED = 5;

    public record Feature(String id, String view, int version, double value, List<String> inputs, String coordinates) {
    }

    public record Decision(String id, String customer, Instant at, String modelVersion, List<Feature> used, double loggedBasket) {
    }

    public final String prefix;
    public final List<Decision> decisions = new ArrayList<>();
    public final List<String> eventIds = new ArrayList<>();
    /** Coordinates of the two records that lack a mapped fact, and the reason the index must give. */
    public final Map<String, String> lacking = new java.util.LinkedHashMap<>();

    private ShopFeed(String prefix) {
        this.prefix = prefix;
    }

    public String orders() {
        return prefix + "orders";
    }

    public String features() {
        return prefix + "features";
    }

    public String scores() {
        return prefix + "scores";
    }

    public static ShopFeed write(EmbeddedKafka broker, String name, int decisions) throws Exception {
        ShopFeed feed = new ShopFeed("shop-" + name + "-" + UUID.randomUUID().toString().substring(0, 6) + ".");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            ReadyTopics.create(admin, List.of(new NewTopic(feed.orders(), 3, (short) 1), new NewTopic(feed.features(), 2, (short) 1),
                    new NewTopic(feed.scores(), 2, (short) 1)));
        }
        try (KafkaProducer<byte[], byte[]> producer = GeneratedFeed.openProducer(broker.bootstrapServers())) {
            Instant start = Instant.now().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // Kafka 4 refuses times far in the future
            for (int i = 0; i < decisions; i++) {
                feed.decision(producer, i, start.plusSeconds(i));
            }
            feed.lacking.put(at(producer.send(record(feed.orders(), "c-0", Map.of(), JSON.createObjectNode().put("ts", 1)))),
                    "no x-event-id header (fact id)");
            ObjectNode noView = JSON.createObjectNode();
            noView.putObject("meta").put("id", "f-lost").put("v", 1).put("as_of", "2026-01-01T00:00:00Z");
            feed.lacking.put(at(producer.send(record(feed.features(), "c-0", Map.of(), noView))), "no value at /meta/view (feature view)");
            producer.flush();
        }
        return feed;
    }

    private void decision(KafkaProducer<byte[], byte[]> producer, int i, Instant at) throws Exception {
        String customer = "c-" + (i % 7);
        List<String> orders = List.of("o-" + i + "-a", "o-" + i + "-b");
        for (String order : orders) {
            ObjectNode event = JSON.createObjectNode().put("origin", "/shop/checkout").put("customer", customer)
                    .put("ts", at.toEpochMilli()).put("amount", 10 + i);
            producer.send(record(orders(), customer, Map.of("x-event-id", order), event));
            eventIds.add(order);
        }
        Feature basket = feature(producer, "f-" + i, "basket_total", 2, 2 * (10 + i), orders, customer, at.plusMillis(100));
        Feature visits = feature(producer, "g-" + i, "visits_1h", 5, i % 9, orders.subList(0, 1), customer, at.plusMillis(150));
        double logged = i == MISLOGGED ? basket.value() + 1 : basket.value();
        ObjectNode decision = JSON.createObjectNode().put("decision", "d-" + i).put("customer", customer)
                .put("at", at.plusMillis(200).toString()).put("score", 0.5);
        decision.putObject("model").put("name", "churn").put("version", i % 2 == 0 ? 4 : 5);
        var inputs = decision.putArray("inputs");
        inputs.addObject().put("feature", basket.view()).put("ver", basket.version()).put("val", logged).put("fid", basket.id());
        inputs.addObject().put("feature", visits.view()).put("ver", visits.version()).put("val", visits.value()).put("fid", visits.id());
        producer.send(record(scores(), customer, Map.of("x-service", "/scorer"), decision));
        decisions.add(new Decision("d-" + i, customer, at.plusMillis(200), String.valueOf(i % 2 == 0 ? 4 : 5), List.of(basket, visits),
                logged));
    }

    private Feature feature(KafkaProducer<byte[], byte[]> producer, String id, String view, int version, double value,
                            List<String> inputs, String customer, Instant asOf) throws Exception {
        ObjectNode feature = JSON.createObjectNode().put("val", value);
        ObjectNode meta = feature.putObject("meta").put("id", id).put("producer", "/features/" + view).put("customer", customer)
                .put("as_of", asOf.toString()).put("view", view).put("v", String.valueOf(version));
        inputs.forEach(meta.putArray("inputs")::add);
        String coordinates = at(producer.send(record(features(), customer, Map.of(), feature)));
        return new Feature(id, view, version, value, inputs, coordinates);
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, String key, Map<String, String> headers, ObjectNode value)
            throws Exception {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key.getBytes(UTF_8), JSON.writeValueAsBytes(value));
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(UTF_8)));
        return record;
    }

    private static String at(Future<RecordMetadata> sent) throws Exception {
        RecordMetadata written = sent.get();
        return written.topic() + "/" + written.partition() + "@" + written.offset();
    }

    /** The shared mapping profile (test resource) with this feed's topic names, written to {@code file}. */
    public Path profileFile(Path file) throws Exception {
        String text = new String(ShopFeed.class.getResourceAsStream("/lineage/mapped-profile.json").readAllBytes(), UTF_8);
        Files.writeString(file, text.replace("\"shop.", "\"" + prefix));
        return file;
    }

    public LineageProfile profile(Path folder) throws Exception {
        return LineageProfile.readFrom(profileFile(folder.resolve(prefix + "profile.json")));
    }
}
