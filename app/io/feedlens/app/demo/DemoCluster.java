package io.feedlens.app.demo;

import java.nio.file.Path;
import java.util.Map;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.decode.LocalSchemas;
import org.apache.kafka.clients.admin.Admin;

/**
 * FeedLens's embedded default: a real broker in this process with the live fraud-scoring feed running on it.
 * Used by the desktop's "Start demo cluster" and by {@code feedlens demo --headless}.
 */
public final class DemoCluster implements AutoCloseable {

    private final EmbeddedKafka broker;
    private final LiveDemoFeed feed;

    private DemoCluster(EmbeddedKafka broker, LiveDemoFeed feed) {
        this.broker = broker;
        this.feed = feed;
    }

    /**
     * Starts the broker on its data in {@code folder} (kept between runs), creates the demo topics, starts the live
     * feed, and puts the feature views' Avro schemas in {@code schemaFolder}, where decoding looks for local schemas.
     */
    public static DemoCluster start(Path folder, Path schemaFolder) {
        FeatureSchemas.writeTo(schemaFolder);
        EmbeddedKafka broker = EmbeddedKafka.start(folder);
        try {
            DemoTopics topics = DemoTopics.standard();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                topics.ensureExist(admin);
            }
            return new DemoCluster(broker, LiveDemoFeed.start(broker.bootstrapServers(), topics));
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public EmbeddedKafka broker() {
        return broker;
    }

    public LiveFeedStats feedStats() {
        return feed.stats();
    }

    /** The schemas of the demo's feature views, for decoding their single-object Avro values. */
    public static LocalSchemas schemas() {
        return LocalSchemas.of(FeatureSchemas.TXN_VELOCITY, FeatureSchemas.AMOUNT_STATS_V1, FeatureSchemas.AMOUNT_STATS_V2);
    }

    /** One line for a status bar: what the live feed has written, and whether the scorer is behind right now. */
    public String feedSummary() {
        LiveFeedStats stats = feed.stats();
        return String.format("Demo feed: %,d payments · %,d features · %,d decisions%s",
                stats.paymentsProduced(), stats.featuresProduced(), stats.decisionsProduced(),
                stats.scorerBehind() ? " · scorer falling behind" : "");
    }

    /** Stops the feed first, so its clients leave while the broker still answers, then the broker. */
    @Override
    public void close() {
        try {
            feed.close();
        } finally {
            broker.close();
        }
    }
}
