package io.feedlens.views.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.decode.DecoderSettings;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.demo.DemoCluster;
import io.feedlens.app.demo.DemoTopics;
import io.feedlens.app.demo.FeatureSchemas;
import io.feedlens.app.demo.FeedSpec;
import io.feedlens.app.demo.GeneratedFeed;
import io.feedlens.testing.KafkaBroker;
import io.feedlens.views.messages.MessageSource;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/** The Schemas tab's logic without the toolkit: the demo's midstream schema change, as a person would read it. */
@KafkaBroker
class SchemaHistoryViewModelTest {

    @Test
    void theDemosMidstreamChangeShowsAsTwoSchemasAndABackwardCompatibleStep(EmbeddedKafka broker) throws Exception {
        DemoTopics topics = new DemoTopics("schema-history.");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            topics.ensureExist(admin);
        }
        try (var producer = GeneratedFeed.openProducer(broker.bootstrapServers())) {
            GeneratedFeed.generate(FeedSpec.endingBefore(Instant.now(), 40, 9, topics), producer);
        }
        MessageSource source = new MessageSource(Map.of("bootstrap.servers", broker.bootstrapServers()),
                new RecordDecoder(DecoderSettings.automatic().withLocalSchemas(DemoCluster.schemas())));
        SchemaHistoryViewModel model = new SchemaHistoryViewModel(() -> source, Runnable::run);
        model.topicProperty().set(topics.amountStats());

        model.read();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (model.readingProperty().get() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(model.readingProperty().get()).isFalse();
        assertThat(model.schemas()).extracting(s -> s.schema())
                .satisfiesExactly(first -> assertThat(first).contains(FeatureSchemas.fingerprint(FeatureSchemas.AMOUNT_STATS_V1)),
                        second -> assertThat(second).contains(FeatureSchemas.fingerprint(FeatureSchemas.AMOUNT_STATS_V2)));
        assertThat(SchemaHistoryViewModel.describe(model.changes().get(0))).startsWith("#1 → #2  backward compatible: added max_amount");
        assertThat(model.statusProperty().get()).contains("2 schemas").contains("1 did not decode");
    }

    @Test
    void withoutAClusterItSaysToConnect() {
        SchemaHistoryViewModel model = new SchemaHistoryViewModel(() -> null, Runnable::run);
        model.topicProperty().set("payments");

        model.read();

        assertThat(model.statusProperty().get()).isEqualTo("Connect to a cluster first.");
    }
}
