package io.feedlens.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.browse.FetchedRecord;
import io.feedlens.app.browse.RecordBatchFetch;
import io.feedlens.app.browse.RecordFetch;
import io.feedlens.app.decode.DecodedRecord;
import io.feedlens.app.decode.DecoderSettings;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.scan.ScanRequest;
import io.feedlens.app.scan.ScanSummary;
import io.feedlens.app.scan.TopicScan;
import io.feedlens.app.search.RecordFilter;
import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.testing.ReadyTopics;
import io.feedlens.testing.SecuredBroker;
import io.feedlens.testing.SecuredKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connections to a broker that authenticates (SCRAM, PLAIN, mutual TLS) and authorizes (ACLs). */
@SecuredKafka
class SecuredConnectionsTest {

    private static final RecordDecoder DECODER = new RecordDecoder(DecoderSettings.automatic());

    @TempDir
    Path folder;

    /** Creates the topic as the super user and writes {@code count} records stamped in the past. */
    static void topicWithRecords(SecuredBroker secured, String topic, int count) throws Exception {
        Map<String, Object> superUser = Map.of("bootstrap.servers", secured.superUserBootstrap());
        try (Admin admin = Admin.create(superUser)) {
            ReadyTopics.create(admin, List.of(new NewTopic(topic, 1, (short) 1)));
        }
        Instant past = Instant.now().minus(Duration.ofHours(2));
        try (var producer = new KafkaProducer<>(superUser, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, 0, past.plusSeconds(i).toEpochMilli(), "k" + i, "{\"n\":" + i + "}")).get();
            }
        }
    }

    private static ScanSummary browse(ClusterProfile profile, String topic, List<DecodedRecord> into) {
        return TopicScan.start(profile.clientConfig(), DECODER, ScanRequest.wholeTopic(topic, RecordFilter.all()), into::addAll)
                .completion().orTimeout(30, TimeUnit.SECONDS).join();
    }

    @Test
    void aWrongPasswordSaysAuthenticationFailedWithinTenSeconds(SecuredBroker secured) {
        ClusterProfile wrong = secured.sasl("SCRAM-SHA-512", "not-the-password");
        long began = System.nanoTime();

        assertThatThrownBy(() -> ClusterSession.connect(wrong).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(ConnectionProblem.class)
                .hasMessageStartingWith("Authentication failed at " + secured.saslBootstrap())
                .hasMessageNotContaining("not-the-password");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void scramSha512ListsTopicsAndBrowsesRecords(SecuredBroker secured) throws Exception {
        topicWithRecords(secured, "open.scram512", 5);
        ClusterProfile profile = secured.sasl("SCRAM-SHA-512", SecuredBroker.PASSWORD);

        ClusterSession.Connected connected = ClusterSession.connect(profile).join();
        try (ClusterSession session = connected.session()) {
            assertThat(session.admin().listTopics().names().get(10, TimeUnit.SECONDS)).contains("open.scram512");
        }
        List<DecodedRecord> records = Collections.synchronizedList(new ArrayList<>());
        ScanSummary summary = browse(profile, "open.scram512", records);

        assertThat(summary.problem()).isNull();
        assertThat(records).hasSize(5);
    }

    @Test
    void scramSha256AndPlainSignInToo(SecuredBroker secured) {
        for (String mechanism : List.of("SCRAM-SHA-256", "PLAIN")) {
            ClusterSession.Connected connected = ClusterSession.connect(secured.sasl(mechanism, SecuredBroker.PASSWORD)).join();
            connected.session().close();
            assertThat(connected.overview().brokers()).as(mechanism).hasSize(1);
        }
    }

    @Test
    void mutualTlsListsTopicsAndBrowsesRecords(SecuredBroker secured) throws Exception {
        topicWithRecords(secured, "open.tls", 3);
        ClusterProfile profile = secured.mutualTls();

        ClusterSession.Connected connected = ClusterSession.connect(profile).join();
        try (ClusterSession session = connected.session()) {
            assertThat(session.admin().listTopics().names().get(10, TimeUnit.SECONDS)).contains("open.tls");
        }
        List<DecodedRecord> records = Collections.synchronizedList(new ArrayList<>());
        assertThat(browse(profile, "open.tls", records).problem()).isNull();
        assertThat(records).hasSize(3);
    }

    @Test
    void aTopicTheUserMayNotReadSaysNotAuthorizedWhileOtherTopicsKeepWorking(SecuredBroker secured) throws Exception {
        topicWithRecords(secured, "closed.payments", 2);
        topicWithRecords(secured, "open.payments", 2);
        ClusterProfile profile = secured.sasl("SCRAM-SHA-512", SecuredBroker.PASSWORD);

        ScanSummary closed = browse(profile, "closed.payments", new ArrayList<>());
        assertThat(closed.problem()).startsWith("Not authorized to read closed.payments");
        assertThatThrownBy(() -> RecordFetch.at(profile.clientConfig(), new RecordCoordinates("closed.payments", 0, 0)))
                .isInstanceOf(ConnectionProblem.class)
                .hasMessageStartingWith("Not authorized to read closed.payments");

        RecordCoordinates closedRecord = new RecordCoordinates("closed.payments", 0, 1);
        RecordCoordinates openRecord = new RecordCoordinates("open.payments", 0, 1);
        Map<RecordCoordinates, FetchedRecord> traced = RecordBatchFetch.fetch(profile.clientConfig(), List.of(closedRecord, openRecord));
        assertThat(traced.get(closedRecord).problem()).startsWith("Not authorized to read closed.payments");
        assertThat(traced.get(openRecord).found()).as("the trace's other records still come").isPresent();

        List<DecodedRecord> open = Collections.synchronizedList(new ArrayList<>());
        assertThat(browse(profile, "open.payments", open).problem()).isNull();
        assertThat(open).hasSize(2);
        assertThat(RecordFetch.at(profile.clientConfig(), new RecordCoordinates("open.payments", 0, 1))).isPresent();
    }

    @Test
    void aPasswordKeptInAFileIsReadByKafkasFileConfigProviderWhenConnecting(SecuredBroker secured) throws Exception {
        Path secrets = Files.writeString(folder.resolve("kafka-secrets.properties"), "password=" + SecuredBroker.PASSWORD + "\n");
        ClusterProfile direct = secured.sasl("SCRAM-SHA-512", SecuredBroker.PASSWORD);
        Map<String, String> properties = new HashMap<>(direct.properties());
        properties.put("sasl.jaas.config", properties.get("sasl.jaas.config")
                .replace(SecuredBroker.PASSWORD, "${file:" + secrets + ":password}"));
        ClusterProfile referenced = new ClusterProfile("by reference", direct.bootstrapServers(), properties);

        ClusterSession.Connected connected = ClusterSession.connect(referenced).join();
        connected.session().close();

        assertThat(connected.overview().brokers()).hasSize(1);
        assertThat(referenced.toString()).doesNotContain(SecuredBroker.PASSWORD).contains("${file:" + secrets + ":password}");
    }
}
