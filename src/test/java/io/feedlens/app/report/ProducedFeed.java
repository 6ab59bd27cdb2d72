package io.feedlens.app.report;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.decode.DecoderSettings;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.demo.DemoCluster;
import io.feedlens.app.demo.DemoTopics;
import io.feedlens.app.demo.FeedSpec;
import io.feedlens.app.demo.GeneratedFeed;
import io.feedlens.app.demo.GroundTruth;
import io.feedlens.app.lineage.IndexSettings;
import io.feedlens.app.lineage.LineageIndexer;
import io.feedlens.lineage.extract.LineageProfile;
import io.feedlens.lineage.store.LineageStore;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Test helper: a seeded demo feed on fresh topics, with every record as the producer was handed it, by the
 * coordinates Kafka gave it, so a test compares a report's digests with the bytes really written.
 */
public final class ProducedFeed {

    public final EmbeddedKafka broker;
    public final DemoTopics topics;
    public final GroundTruth truth;
    public final LineageProfile profile;
    /** {@code topic/partition@offset} → the record as sent. */
    public final Map<String, ProducerRecord<byte[], byte[]>> produced;

    private ProducedFeed(EmbeddedKafka broker, DemoTopics topics, GroundTruth truth, Map<String, ProducerRecord<byte[], byte[]>> produced) {
        this.broker = broker;
        this.topics = topics;
        this.truth = truth;
        this.profile = LineageProfile.demo(topics.prefix());
        this.produced = produced;
    }

    public static ProducedFeed generate(EmbeddedKafka broker, String name, int decisions, long seed) throws Exception {
        DemoTopics topics = new DemoTopics("t-" + name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            topics.ensureExist(admin);
            topics.ensureExist(admin); // as GeneratedFeedTest does: waits out a new topic's missing metadata
        }
        List<Map.Entry<ProducerRecord<byte[], byte[]>, Future<RecordMetadata>>> sends = new ArrayList<>();
        GroundTruth truth;
        try (var real = GeneratedFeed.openProducer(broker.bootstrapServers())) {
            truth = GeneratedFeed.generate(FeedSpec.endingBefore(Instant.now(), decisions, seed, topics), capturing(real, sends));
        }
        Map<String, ProducerRecord<byte[], byte[]>> produced = new HashMap<>();
        for (var send : sends) {
            RecordMetadata at = send.getValue().get(10, TimeUnit.SECONDS);
            produced.put(at.topic() + "/" + at.partition() + "@" + at.offset(), send.getKey());
        }
        return new ProducedFeed(broker, topics, truth, produced);
    }

    /** Indexes the feed's topics into {@code store} until caught up. */
    public void index(LineageStore store) {
        new LineageIndexer(Map.of("bootstrap.servers", broker.bootstrapServers()), store, decoder())
                .run(IndexSettings.catchUp(profile), progress -> { });
    }

    public static RecordDecoder decoder() {
        return new RecordDecoder(DecoderSettings.automatic().withLocalSchemas(DemoCluster.schemas()));
    }

    /** A producer that hands everything to {@code real} and remembers each send with its result. */
    @SuppressWarnings("unchecked")
    private static Producer<byte[], byte[]> capturing(Producer<byte[], byte[]> real,
                                                      List<Map.Entry<ProducerRecord<byte[], byte[]>, Future<RecordMetadata>>> sends) {
        return (Producer<byte[], byte[]>) Proxy.newProxyInstance(Producer.class.getClassLoader(), new Class<?>[] {Producer.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("send")) {
                        sends.add(Map.entry((ProducerRecord<byte[], byte[]>) args[0], (Future<RecordMetadata>) result));
                    }
                    return result;
                });
    }
}
