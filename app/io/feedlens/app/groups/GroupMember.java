package io.feedlens.app.groups;

import java.util.List;

import org.apache.kafka.common.TopicPartition;

/** One consumer in a group: who it says it is, where it runs, and the partitions it has been given. */
public record GroupMember(String memberId, String clientId, String host, List<TopicPartition> assignment) {

    public GroupMember {
        assignment = List.copyOf(assignment);
    }
}
