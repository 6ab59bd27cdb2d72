package io.feedlens.app.decode;

import io.feedlens.testing.ReadyTopics;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.demo.DemoCluster;
import io.feedlens.app.demo.DemoTopics;
import io.feedlens.app.demo.FeatureSchemas;
import io.feedlens.app.demo.FeedSpec;
import io.feedlens.app.demo.GeneratedFeed;
import io.feedlens.app.demo.GroundTruth;
import io.feedlens.app.scan.TopicReader;
import io.feedlens.testing.KafkaBroker;
import io.feedlens.testing.SchemaRegistryStandIn;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records written to the real broker, read back with FeedLens's reader and decoded as a screen would. */
@KafkaBroker
class DecodingFromTheBrokerTest {

    private static List<DecodedRecord> readAndDecode(EmbeddedKafka broker, RecordDecoder decoder, String topic) {
        List<DecodedRecord> decoded = new ArrayList<>();
        TopicReader.readAll(Map.of("bootstrap.servers", broker.bootstrapServers()), List.of(topic),
                record -> decoded.add(decoder.decode(record)));
        return decoded;
    }

    private static void writeRegistryFramed(EmbeddedKafka broker, String topic, int schemaId, int count) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            ReadyTopics.create(admin, List.of(new NewTopic(topic, 2, (short) 1)));
        }
        try (var producer = GeneratedFeed.openProducer(broker.bootstrapServers())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, ("card-" + i).getBytes(),
                        AvroSamples.registryFramed(schemaId, AvroSamples.PAYMENT, AvroSamples.payment())));
            }
            RecordHeaders headers = new RecordHeaders();
            headers.add(RecordDecoder.VALUE_SCHEMA_ID_HEADER, ByteBuffer.allocate(4).putInt(schemaId).array());
            producer.send(new ProducerRecord<>(topic, null, null, "card-h".getBytes(),
                    AvroSamples.plain(AvroSamples.PAYMENT, AvroSamples.payment()), headers));
        }
    }

    @Test
    void registryFramedAvroDecodesWithOneRegistryCallPerSchema(EmbeddedKafka broker) throws Exception {
        try (SchemaRegistryStandIn registry = SchemaRegistryStandIn.start()) {
            int id = registry.register("payments.avro-value", AvroSamples.PAYMENT.toString());
            writeRegistryFramed(broker, "decode-e2e.registry", id, 30);
            RecordDecoder decoder = ClusterDecoding.decoderFor(new ClusterProfile("with registry", broker.bootstrapServers(),
                    Map.of("schema.registry.url", registry.url())), null, ValueMask.NONE);

            List<DecodedRecord> records = readAndDecode(broker, decoder, "decode-e2e.registry");

            assertThat(records).hasSize(31).allSatisfy(r -> assertThat(r.value().ok()).as(String.valueOf(r.value().problem())).isTrue());
            assertThat(records).filteredOn(r -> r.value().format() == Format.AVRO_REGISTRY).hasSize(30);
            assertThat(records).filteredOn(r -> r.value().format() == Format.AVRO_PLAIN).hasSize(1);
            assertThat(records.get(0).key().format()).isEqualTo(Format.TEXT);
            assertThat(records.get(0).value().tree().path("amount").decimalValue()).isEqualByComparingTo("5120.50");
            assertThat(registry.requestCount("/schemas/ids/" + id)).isEqualTo(1);
        }
    }

    @Test
    void aRegistryThatIsDownGivesEveryRecordTheReasonAndTheScanDoesNotCrawl(EmbeddedKafka broker) throws Exception {
        SchemaRegistryStandIn registry = SchemaRegistryStandIn.start();
        int id = registry.register("payments.avro-value", AvroSamples.PAYMENT.toString());
        String url = registry.url();
        registry.close();
        writeRegistryFramed(broker, "decode-e2e.registry-down", id, 200);
        RecordDecoder decoder = ClusterDecoding.decoderFor(new ClusterProfile("registry down", broker.bootstrapServers(),
                Map.of("schema.registry.url", url)), null, ValueMask.NONE);

        long began = System.nanoTime();
        List<DecodedRecord> records = readAndDecode(broker, decoder, "decode-e2e.registry-down");

        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));
        assertThat(records).hasSize(201).allSatisfy(r -> {
            assertThat(r.value().format()).isEqualTo(Format.BYTES);
            assertThat(r.value().problem()).contains("Schema registry").contains(url);
        });
    }

    @Test
    void everyDemoRecordDecodesExceptThePlantedBadOnes(EmbeddedKafka broker, @TempDir Path folder) throws Exception {
        DemoTopics topics = new DemoTopics("decode-e2e-demo.");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            topics.ensureExist(admin);
        }
        GroundTruth truth;
        try (var producer = GeneratedFeed.openProducer(broker.bootstrapServers())) {
            truth = GeneratedFeed.generate(FeedSpec.endingBefore(Instant.now(), 30, 3, topics), producer);
        }
        RecordDecoder decoder = new RecordDecoder(DecoderSettings.automatic().withLocalSchemas(DemoCluster.schemas()));

        List<DecodedRecord> all = new ArrayList<>();
        for (String topic : topics.all()) {
            all.addAll(readAndDecode(broker, decoder, topic));
        }

        assertThat(all).hasSize(truth.recordsWritten().values().stream().mapToInt(Integer::intValue).sum());
        List<DecodedRecord> bad = all.stream().filter(r -> !r.value().ok()).toList();
        assertThat(bad).extracting(r -> r.coordinates().toString())
                .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.of(GroundTruth.Kind.INVALID_PAYMENT, GroundTruth.Kind.INVALID_FEATURE)
                        .flatMap(kind -> truth.hardCases(kind).stream())
                        .flatMap(c -> c.coordinates().stream()).toList());
        assertThat(all).filteredOn(r -> r.coordinates().topic().equals(topics.txnVelocity()) && r.value().ok())
                .allSatisfy(r -> assertThat(r.value().format()).isEqualTo(Format.AVRO_SINGLE_OBJECT));
        assertThat(all).filteredOn(r -> r.coordinates().topic().equals(topics.amountStats()) && r.value().ok())
                .extracting(r -> r.value().schema().id()).containsOnly(
                        FeatureSchemas.fingerprint(FeatureSchemas.AMOUNT_STATS_V1), FeatureSchemas.fingerprint(FeatureSchemas.AMOUNT_STATS_V2));
    }
}
