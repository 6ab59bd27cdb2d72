package io.feedlens.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.lineage.CloudEventHeaders;
import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

@KafkaBroker
class LiveDemoFeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void liveFeedCommitsOffsetsAndDecidesOnFeaturesThatExist(EmbeddedKafka broker) throws Exception {
        String bootstrap = broker.bootstrapServers();
        DemoTopics topics = new DemoTopics("t-live-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        LiveFeedSettings settings = LiveFeedSettings.standard(topics).withPaymentsPerSecond(25)
                .withScorerPauses(Duration.ofSeconds(2), Duration.ofMillis(700), Duration.ofMillis(1200));

        LiveDemoFeed feed = LiveDemoFeed.start(bootstrap, topics, settings);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            waitUntil(Duration.ofSeconds(25), () -> feed.stats().decisionsProduced() >= 20 && feed.stats().scorerPauses() >= 1
                    && !committed(admin, settings.processorGroup()).isEmpty() && !committed(admin, settings.scorerGroup()).isEmpty());
            assertThat(feed.isRunning()).isTrue();
        } finally {
            long began = System.nanoTime();
            feed.close();
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
        }
        assertThat(feed.isRunning()).as("all three threads have ended").isFalse();

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            assertThat(topicsOf(committed(admin, settings.processorGroup()))).containsExactly(topics.payments());
            assertThat(topicsOf(committed(admin, settings.scorerGroup()))).containsExactlyInAnyOrder(topics.txnVelocity(), topics.amountStats());
            assertThat(committed(admin, settings.processorGroup()).values()).anySatisfy(o -> assertThat(o.offset()).isPositive());
        }
        decisionsNameFeaturesThatExistAndFeaturesNamePaymentsThatExist(bootstrap, topics);
    }

    private static void decisionsNameFeaturesThatExistAndFeaturesNamePaymentsThatExist(String bootstrap, DemoTopics topics) {
        List<ConsumerRecord<byte[], byte[]>> payments = TopicContents.readAll(bootstrap, topics.payments());
        List<ConsumerRecord<byte[], byte[]>> features = Stream.concat(TopicContents.readAll(bootstrap, topics.txnVelocity()).stream(),
                TopicContents.readAll(bootstrap, topics.amountStats()).stream()).toList();
        List<ConsumerRecord<byte[], byte[]>> decisions = TopicContents.readAll(bootstrap, topics.decisions());
        assertThat(decisions).isNotEmpty();

        Map<String, FeatureValue> featuresById = features.stream().map(FeedRecords::readFeature)
                .collect(Collectors.toMap(FeatureValue::featureId, f -> f));
        for (ConsumerRecord<byte[], byte[]> decision : decisions) {
            JsonNode json = json(decision.value());
            assertThat(json.path("used")).hasSize(2);
            for (JsonNode used : json.path("used")) {
                FeatureValue feature = featuresById.get(used.path("feature_id").asText());
                assertThat(feature).as("feature %s named by %s", used.path("feature_id").asText(), json.path("decision_id").asText()).isNotNull();
                assertThat(used.path("value").asDouble()).isEqualTo(feature.value());
                assertThat(used.path("featureview").asText()).isEqualTo(feature.view().viewName());
                assertThat(feature.correlationId()).isEqualTo(FeedRecords.header(decision, CloudEventHeaders.CORRELATION_ID));
            }
        }

        Set<String> paymentCoordinates = payments.stream().map(r -> TopicContents.coordinatesOf(r).toString()).collect(Collectors.toSet());
        Map<String, String> paymentIdAt = payments.stream().collect(Collectors.toMap(r -> TopicContents.coordinatesOf(r).toString(),
                r -> FeedRecords.header(r, CloudEventHeaders.ID)));
        for (FeatureValue feature : featuresById.values()) {
            assertThat(feature.lineageParents()).isNotEmpty().allSatisfy(parent -> {
                assertThat(RecordCoordinates.parse(parent).topic()).isEqualTo(topics.payments());
                assertThat(paymentCoordinates).contains(parent);
            });
            assertThat(feature.lineageParents().stream().map(paymentIdAt::get)).contains(feature.causationId());
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream().filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        } catch (Exception e) {
            throw new AssertionError("Could not list the offsets of group " + group, e);
        }
    }

    private static Set<String> topicsOf(Map<TopicPartition, OffsetAndMetadata> offsets) {
        return offsets.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
    }

    private static void waitUntil(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not reached within " + timeout);
            }
            Thread.sleep(250);
        }
    }

    private static JsonNode json(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
