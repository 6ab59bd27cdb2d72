package io.feedlens.app.lineage;

import java.util.List;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/** Test helper: what the broker says about a consumer group's members. */
final class GroupMembers {

    private GroupMembers() {
    }

    /** True when the group has exactly {@code count} members and each holds partitions (false before it exists). */
    static boolean holdingPartitions(Admin admin, String group, int count) throws InterruptedException {
        try {
            List<MemberDescription> members = List.copyOf(admin.describeConsumerGroups(List.of(group)).all().get().get(group).members());
            return members.size() == count && members.stream().noneMatch(m -> m.assignment().topicPartitions().isEmpty());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return false;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
