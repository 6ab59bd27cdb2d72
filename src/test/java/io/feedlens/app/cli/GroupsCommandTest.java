package io.feedlens.app.cli;

import io.feedlens.testing.ReadyTopics;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

@KafkaBroker
class GroupsCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new GroupsCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    /** A one-partition topic of 10 records with the group committed at 4; returns the topic. */
    private static String topicWithGroupAt4(EmbeddedKafka broker, String group) throws Exception {
        String topic = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> client = Map.of("bootstrap.servers", broker.bootstrapServers());
        try (Admin admin = Admin.create(client)) {
            ReadyTopics.create(admin, List.of(new NewTopic(topic, 1, (short) 1)));
            admin.listOffsets(Map.of(new TopicPartition(topic, 0), OffsetSpec.latest())).all().get(10, TimeUnit.SECONDS);
            try (var producer = new KafkaProducer<>(client, new ByteArraySerializer(), new ByteArraySerializer())) {
                long first = Instant.now().minusSeconds(100).toEpochMilli();
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>(topic, 0, first + i * 1000L, null, new byte[]{(byte) i}));
                }
            }
            admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(4)))
                    .all().get(10, TimeUnit.SECONDS);
        }
        return topic;
    }

    private static long committed(EmbeddedKafka broker, String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                    .get(new TopicPartition(topic, 0)).offset();
        }
    }

    @Test
    void listShowsEveryGroupWithItsLag(EmbeddedKafka broker) throws Exception {
        String group = "cli-list-" + UUID.randomUUID();
        String topic = topicWithGroupAt4(broker, group);

        assertThat(run("list", "--bootstrap", broker.bootstrapServers())).isZero();
        assertThat(out.toString()).containsPattern(group + "\\s+classic\\s+Empty\\s+0\\s+6\\s+\\S+\\s+OK\\s+" + topic);
    }

    @Test
    void describeAsJsonGivesThePartitionFigures(EmbeddedKafka broker) throws Exception {
        String group = "cli-describe-" + UUID.randomUUID();
        String topic = topicWithGroupAt4(broker, group);

        assertThat(run("describe", group, "--bootstrap", broker.bootstrapServers(), "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("totalLag").asLong()).isEqualTo(6);
        JsonNode partition = json.path("partitions").get(0);
        assertThat(partition.path("topic").asText()).isEqualTo(topic);
        assertThat(partition.path("committedOffset").asLong()).isEqualTo(4);
        assertThat(partition.path("logEndOffset").asLong()).isEqualTo(10);
        assertThat(partition.path("lagSeconds").asDouble()).isGreaterThanOrEqualTo(96);
    }

    @Test
    void describingAGroupThatDoesNotExistExitsTwoWithAMessage(EmbeddedKafka broker) {
        assertThat(run("describe", "no-such-group", "--bootstrap", broker.bootstrapServers())).isEqualTo(2);
        assertThat(err.toString()).contains("There is no consumer group 'no-such-group'").doesNotContain("Exception");
    }

    @Test
    void aDryRunPrintsThePlanAndChangesNothing(EmbeddedKafka broker) throws Exception {
        String group = "cli-dry-" + UUID.randomUUID();
        String topic = topicWithGroupAt4(broker, group);

        int exit = run("reset", group, "--bootstrap", broker.bootstrapServers(), "--topic", topic, "--to-earliest", "--dry-run");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Dry run: reset '" + group + "' on " + topic + " to the earliest offset (nothing changed)")
                .containsPattern("0\\s+4\\s+0\\s+4 re-read").contains("In all: 4 records to read again, 0 skipped.");
        assertThat(committed(broker, group, topic)).isEqualTo(4);
    }

    @Test
    void executeMovesTheOffsetsAsTheDryRunSaid(EmbeddedKafka broker) throws Exception {
        String group = "cli-execute-" + UUID.randomUUID();
        String topic = topicWithGroupAt4(broker, group);

        int exit = run("reset", group, "--bootstrap", broker.bootstrapServers(), "--topic", topic, "--shift-by", "3",
                "--partitions", "0", "--execute");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("0\\s+4\\s+7\\s+3 skipped").contains("Done:");
        assertThat(committed(broker, group, topic)).isEqualTo(7);
    }

    @Test
    void executeOnASavedReadOnlyProfileIsRefusedAndChangesNothingWhileAWritableOneApplies(EmbeddedKafka broker,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path home) throws Exception {
        String group = "cli-read-only-" + UUID.randomUUID();
        String topic = topicWithGroupAt4(broker, group);
        String previousHome = System.getProperty(io.feedlens.app.DataFolder.PROPERTY);
        System.setProperty(io.feedlens.app.DataFolder.PROPERTY, home.toString());
        try {
            io.feedlens.app.profiles.ProfileStore store = new io.feedlens.app.profiles.ProfileStore(home);
            store.save(null, io.feedlens.app.cluster.ClusterProfile.of("prod", broker.bootstrapServers()));
            store.save(null, io.feedlens.app.cluster.ClusterProfile.of("staging", broker.bootstrapServers()).withWritable(true));

            int refused = run("reset", group, "--connection", "prod", "--topic", topic, "--to-earliest", "--execute");

            assertThat(refused).isEqualTo(2);
            assertThat(err.toString()).contains("The connection 'prod' is not marked writable");
            assertThat(committed(broker, group, topic)).isEqualTo(4);

            assertThat(run("reset", group, "--connection", "staging", "--topic", topic, "--to-earliest", "--execute"))
                    .as(err.toString()).isZero();
            assertThat(committed(broker, group, topic)).isZero();
        } finally {
            System.setProperty(io.feedlens.app.DataFolder.PROPERTY, previousHome);
        }
    }

    @Test
    void aResetWithoutATargetOrModeIsAUsageError(EmbeddedKafka broker) {
        assertThat(run("reset", "g", "--bootstrap", broker.bootstrapServers(), "--topic", "t", "--dry-run")).isEqualTo(2);
        assertThat(err.toString()).contains("--to-earliest");
    }

    @Test
    void anUnknownTopicExitsTwoWithAMessage(EmbeddedKafka broker) {
        int exit = run("reset", "g", "--bootstrap", broker.bootstrapServers(), "--topic", "no-such-topic", "--to-latest", "--dry-run");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("There is no topic 'no-such-topic'").doesNotContain("Exception");
    }

    @Test
    void aDeadClusterExitsTwoWithoutAStackTrace() {
        assertThat(run("list", "--bootstrap", "127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString()).contains("No broker answered at 127.0.0.1:1").doesNotContain("Exception");
    }
}
