package io.feedlens.app.bench;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedlens.app.demo.DemoTopics;
import io.feedlens.app.demo.FeatureView;
import io.feedlens.app.demo.FeedSpec;
import io.feedlens.app.demo.GeneratedFeed;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The values of a demo feed, built by the demo's own generator into memory (a mock producer, no broker), so decode
 * benchmarks read exactly what the demo cluster holds: payments as JSON, feature values as single-object Avro.
 */
record DemoCorpus(List<byte[]> payments, List<byte[]> features) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static DemoCorpus generate(int decisions) {
        DemoTopics topics = new DemoTopics("bench.");
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        GeneratedFeed.generate(FeedSpec.endingBefore(Instant.now(), decisions, 17, topics), producer);
        List<ProducerRecord<byte[], byte[]>> written = producer.history();
        List<String> featureTopics = List.of(topics.of(FeatureView.TXN_VELOCITY_5M), topics.of(FeatureView.AMOUNT_STATS_1H));
        // The feed plants a few broken records (cut-off JSON, a wrong magic byte); the bare libraries would throw on them.
        return new DemoCorpus(
                written.stream().filter(r -> r.topic().equals(topics.payments())).map(ProducerRecord::value)
                        .filter(DemoCorpus::isJson).toList(),
                written.stream().filter(r -> featureTopics.contains(r.topic())).map(ProducerRecord::value)
                        .filter(v -> v.length > 10 && v[0] == (byte) 0xC3 && v[1] == 0x01).toList());
    }

    private static boolean isJson(byte[] value) {
        try {
            JSON.readTree(value);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static long bytes(List<byte[]> values) {
        return values.stream().mapToLong(v -> v.length).sum();
    }
}
