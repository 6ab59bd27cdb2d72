package io.feedlens.app.demo;

import java.nio.file.Path;

import io.feedlens.app.broker.EmbeddedKafka;

/**
 * FeedLens's embedded default: a real broker in this process with the live fraud-scoring feed running on it.
 * Used by the desktop's "Start demo cluster" and by {@code feedlens demo --headless}.
 */
public final class DemoCluster implements AutoCloseable {

    private final EmbeddedKafka broker;

    private DemoCluster(EmbeddedKafka broker) {
        this.broker = broker;
    }

    /** Starts the broker on its data in {@code folder} (kept between runs) and the live feed. */
    public static DemoCluster start(Path folder) {
        EmbeddedKafka broker = EmbeddedKafka.start(folder);
        return new DemoCluster(broker);
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** One line for a status bar: where the demo runs and what its feed has written. */
    public String feedSummary() {
        return "Demo cluster at " + broker.bootstrapServers();
    }

    public EmbeddedKafka broker() {
        return broker;
    }

    @Override
    public void close() {
        broker.close();
    }
}
