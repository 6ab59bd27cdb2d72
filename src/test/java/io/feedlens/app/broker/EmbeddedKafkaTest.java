package io.feedlens.app.broker;

import io.feedlens.testing.ReadyTopics;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    @Test
    void brokerRestartsOnItsOwnDataAndKeepsTopicsAndRecords(@TempDir Path folder) throws Exception {
        String clusterId;
        String bootstrap;
        try (EmbeddedKafka broker = EmbeddedKafka.start(folder)) {
            clusterId = broker.clusterId();
            bootstrap = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                ReadyTopics.create(admin, List.of(new NewTopic("kept", 1, (short) 1)));
            }
            Properties props = new Properties();
            props.put("bootstrap.servers", broker.bootstrapServers());
            try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("kept", "k", "v")).get();
            }
        }

        try (EmbeddedKafka again = EmbeddedKafka.start(folder);
             Admin admin = Admin.create(Map.of("bootstrap.servers", again.bootstrapServers()))) {
            assertThat(again.clusterId()).isEqualTo(clusterId);
            assertThat(again.bootstrapServers()).as("ports of the last run are reused when free").isEqualTo(bootstrap);
            assertThat(admin.listTopics().names().get()).contains("kept");
            var end = admin.listOffsets(Map.of(new org.apache.kafka.common.TopicPartition("kept", 0),
                    org.apache.kafka.clients.admin.OffsetSpec.latest())).all().get();
            assertThat(end.values().iterator().next().offset()).isEqualTo(1L);
            assertThat(again.startTime()).isLessThan(Duration.ofSeconds(30));
        }
    }
}
