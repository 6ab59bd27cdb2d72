package io.feedlens.app.topics;

import io.feedlens.testing.ReadyTopics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.cluster.ConnectionProblem;
import io.feedlens.testing.KafkaBroker;
import io.feedlens.testing.TopicOverrides;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The topic list and topic detail against the real in-process broker. */
@KafkaBroker
class TopicServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    private final String prefix = "topic-service-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private EmbeddedKafka broker;
    private Admin admin;
    private TopicService service;

    @BeforeEach
    void connect(EmbeddedKafka broker) {
        this.broker = broker;
        admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
        service = new TopicService(admin, broker.bootstrapServers());
    }

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void listShowsPartitionsEstimatedRecordsSizeAndLastWrite() throws Exception {
        String payments = create("payments", 3);
        String empty = create("empty", 2);
        write(payments, 0, 4);
        write(payments, 1, 6);

        TopicSummary summary = summaryOf(payments);
        assertThat(summary.partitions()).isEqualTo(3);
        assertThat(summary.replicationFactor()).isEqualTo(1);
        assertThat(summary.underReplicated()).isZero();
        assertThat(summary.offlinePartitions()).isZero();
        assertThat(summary.estimatedRecords()).isEqualTo(10);
        assertThat(summary.sizeOnDiskBytes()).isPositive();
        assertThat(summary.cleanupPolicy()).isEqualTo("delete");
        assertThat(summary.retentionMs()).isEqualTo(604_800_000L);
        assertThat(summary.lastWriteTime()).isEqualTo(T0.plusSeconds(5));
        assertThat(summary.internal()).isFalse();

        TopicSummary nothing = summaryOf(empty);
        assertThat(nothing.estimatedRecords()).isZero();
        assertThat(nothing.lastWriteTime()).isNull();
    }

    @Test
    void detailGivesEachPartitionsLeaderReplicasOffsetsAndRecordTimes() throws Exception {
        String topic = create("detail", 2);
        write(topic, 1, 3);

        TopicDetail detail = service.describe(topic).join();

        assertThat(detail.partitions()).hasSize(2);
        PartitionDetail empty = detail.partitions().get(0);
        assertThat(empty.records()).isZero();
        assertThat(empty.firstRecordTime()).isNull();
        PartitionDetail written = detail.partitions().get(1);
        assertThat(written.leader()).isEqualTo(1);
        assertThat(written.replicas()).containsExactly(1);
        assertThat(written.inSyncReplicas()).containsExactly(1);
        assertThat(written.earliestOffset()).isZero();
        assertThat(written.latestOffset()).isEqualTo(3);
        assertThat(written.firstRecordTime()).isEqualTo(T0);
        assertThat(written.lastRecordTime()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void alteredRetentionIsMarkedAsATopicOverride() throws Exception {
        String topic = create("retention", 1);
        TopicOverrides.set(admin, topic, "retention.ms", "3600000");

        TopicDetail detail = service.describe(topic).join();

        TopicSetting retention = setting(detail, "retention.ms");
        assertThat(retention.value()).isEqualTo("3600000");
        assertThat(retention.nonDefault()).isTrue();
        assertThat(retention.origin()).isEqualTo("topic override");
        assertThat(setting(detail, "max.message.bytes").nonDefault()).isFalse();
        assertThat(summaryOf(topic).retentionMs()).isEqualTo(3_600_000L);
    }

    @Test
    void aGroupThatCommittedOnTheTopicIsListedAsAReaderWithItsLag() throws Exception {
        String topic = create("read", 2);
        String other = create("not-read", 1);
        write(topic, 0, 10);
        String group = prefix + "scorer";
        commit(group, new TopicPartition(topic, 0), 4);

        assertThat(service.describe(topic).join().readingGroups())
                .containsExactly(new ReadingGroup(group, "Empty", 1, 6));
        assertThat(service.describe(other).join().readingGroups()).extracting(ReadingGroup::groupId).doesNotContain(group);
    }

    @Test
    void aMissingTopicsDetailSaysItDoesNotExist() {
        assertThatThrownBy(() -> service.describe(prefix + "never-created").join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(TopicProblem.class)
                .hasMessageContaining("'" + prefix + "never-created' does not exist on this cluster");
    }

    @Test
    void aBrokerThatDoesNotAnswerGivesAClearMessage() {
        try (Admin nowhere = Admin.create(Map.of("bootstrap.servers", "127.0.0.1:1",
                "default.api.timeout.ms", 2000, "request.timeout.ms", 1000, "reconnect.backoff.max.ms", 200))) {
            assertThatThrownBy(() -> new TopicService(nowhere, "127.0.0.1:1").listTopics().join())
                    .cause().isInstanceOf(ConnectionProblem.class)
                    .hasMessageContaining("No broker answered at 127.0.0.1:1");
        }
    }

    private TopicSummary summaryOf(String topic) {
        return service.listTopics().join().stream().filter(t -> t.name().equals(topic)).findFirst().orElseThrow();
    }

    private static TopicSetting setting(TopicDetail detail, String name) {
        return detail.settings().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private String create(String name, int partitions) throws Exception {
        String topic = prefix + name;
        ReadyTopics.create(admin, List.of(new NewTopic(topic, partitions, (short) 1)));
        // The controller has the topic now; the broker's metadata, which describe calls read, follows a moment later.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!admin.listTopics().names().get().contains(topic) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return topic;
    }

    /** Writes {@code count} records one second apart from {@link #T0}. */
    private void write(String topic, int partition, int count) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, partition, T0.plusSeconds(i).toEpochMilli(), "k" + i, "v" + i));
            }
            producer.flush();
        }
    }

    private void commit(String group, TopicPartition partition, long offset) {
        Properties config = new Properties();
        config.put("bootstrap.servers", broker.bootstrapServers());
        config.put("group.id", group);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset)));
        }
    }
}
