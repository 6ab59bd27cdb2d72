package io.feedlens.app.groups;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every consumer group of a cluster at one moment, from one batch of Admin calls. */
public record GroupsSnapshot(Instant takenAt, List<ConsumerGroupLag> groups) {

    public GroupsSnapshot {
        groups = List.copyOf(groups);
    }

    public Optional<ConsumerGroupLag> find(String groupId) {
        return groups.stream().filter(g -> g.groupId().equals(groupId)).findFirst();
    }

    /** From a topic: the groups that read it. */
    public List<ConsumerGroupLag> groupsReading(String topic) {
        return groups.stream().filter(g -> g.reads(topic)).toList();
    }
}
