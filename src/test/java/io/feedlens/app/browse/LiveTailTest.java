package io.feedlens.app.browse;

import io.feedlens.testing.ReadyTopics;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.decode.DecodedRecord;
import io.feedlens.app.decode.DecoderSettings;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.search.RecordFilter;
import io.feedlens.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@KafkaBroker
class LiveTailTest {

    private static final RecordDecoder DECODER = new RecordDecoder(DecoderSettings.automatic());

    @Test
    void aTailSeesOnlyRecordsWrittenAfterItStartedThatMatchAndStopsWhenClosed(EmbeddedKafka broker) throws Exception {
        String topic = "tail-" + UUID.randomUUID();
        Map<String, Object> client = Map.of("bootstrap.servers", broker.bootstrapServers());
        try (Admin admin = Admin.create(client)) {
            ReadyTopics.create(admin, List.of(new NewTopic(topic, 2, (short) 1)));
        }
        try (var producer = new KafkaProducer<>(client, new StringSerializer(), new StringSerializer())) {
            write(producer, topic, 0, 10);
            List<DecodedRecord> seen = Collections.synchronizedList(new ArrayList<>());
            LiveTail tail = LiveTail.start(client, DECODER, topic, List.of(), false, RecordFilter.of("value.n % 2 == 0", null), seen::addAll);
            waitFor(() -> tail.progress().partitionsTotal() == 2);
            Thread.sleep(500); // the tail has taken the end offsets
            write(producer, topic, 100, 20);
            waitFor(() -> tail.progress().scanned() == 20);

            long closing = System.nanoTime();
            tail.close();
            assertThat(tail.stopped().get(5, TimeUnit.SECONDS)).isNull();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closing)).isLessThan(1000);
            assertThat(seen).hasSize(10).allSatisfy(r -> assertThat(r.value().tree().path("n").asInt()).isBetween(100, 119).isEven());
            assertThat(tail.progress().matched()).isEqualTo(10);
        }
    }

    @Test
    void aMissingTopicEndsTheTailWithAReason(EmbeddedKafka broker) throws Exception {
        LiveTail tail = LiveTail.start(Map.of("bootstrap.servers", broker.bootstrapServers()), DECODER,
                "no-such-topic-" + UUID.randomUUID(), List.of(), false, RecordFilter.all(), batch -> { });
        assertThat(tail.stopped().get(15, TimeUnit.SECONDS)).contains("does not exist");
    }

    private static void write(KafkaProducer<String, String> producer, String topic, int first, int count) throws Exception {
        for (int i = first; i < first + count; i++) {
            producer.send(new ProducerRecord<>(topic, i % 2, "k" + i, "{\"n\":" + i + "}"));
        }
        producer.flush();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 15 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
