package io.feedlens.app.groups;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * A group's lag over a stretch of time, oldest first: the total (records summed, time the worst partition's)
 * and each partition on its own — what a chart per group shows.
 */
public record GroupHistory(String groupId, List<LagPoint> total, Map<TopicPartition, List<LagPoint>> perPartition) {

    public GroupHistory {
        total = List.copyOf(total);
        perPartition = Map.copyOf(perPartition);
    }
}
