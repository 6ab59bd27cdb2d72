package io.feedlens.app.cluster;

import java.util.List;

/** What a person wants to see first about a cluster they connected to. {@code controller} is null when none is known. */
public record ClusterOverview(String clusterId, BrokerNode controller, List<BrokerNode> brokers,
                              int topicCount, int partitionCount, int internalTopicCount) {

    public ClusterOverview {
        brokers = List.copyOf(brokers);
    }
}
