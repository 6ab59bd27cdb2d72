package io.feedlens.app.cluster;

/** One broker as the cluster describes it. {@code rack} is null when none is configured. */
public record BrokerNode(int id, String host, int port, String rack) {

    public String address() {
        return host + ":" + port;
    }
}
