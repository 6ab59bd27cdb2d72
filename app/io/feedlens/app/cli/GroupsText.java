package io.feedlens.app.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.feedlens.app.groups.ConsumerGroupLag;
import io.feedlens.app.groups.GroupMember;
import io.feedlens.app.groups.PartitionLag;

/** How the groups commands say figures: short durations, "-" for unknown, and the JSON shape of a group. */
final class GroupsText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private GroupsText() {
    }

    static String duration(Duration duration) {
        if (duration == null) {
            return "-";
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
        }
        return seconds / 3600 + "h" + (seconds % 3600 / 60 == 0 ? "" : seconds % 3600 / 60 + "m");
    }

    static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    static String value(Object value) {
        return value == null ? "-" : value.toString();
    }

    static Map<String, Object> json(ConsumerGroupLag group) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("group", group.groupId());
        root.put("type", group.type());
        root.put("state", group.state());
        root.put("assignor", group.assignor());
        root.put("coordinator", group.coordinator() == null ? null : group.coordinator().id());
        root.put("status", group.status().name());
        root.put("totalLag", group.totalLag());
        root.put("lagSeconds", seconds(group.lagTime()));
        root.put("timeToCatchUpSeconds", seconds(group.timeToCatchUp()));
        root.put("topics", group.topics());
        root.put("problem", group.problem());
        List<Map<String, Object>> members = new ArrayList<>();
        for (GroupMember member : group.members()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("memberId", member.memberId());
            m.put("clientId", member.clientId());
            m.put("host", member.host());
            m.put("assignment", member.assignment().stream().map(Object::toString).toList());
            members.add(m);
        }
        root.put("members", members);
        root.put("partitions", group.partitions().stream().map(GroupsText::json).toList());
        return root;
    }

    private static Map<String, Object> json(PartitionLag p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("topic", p.topic());
        m.put("partition", p.partition().partition());
        m.put("committedOffset", p.committedOffset());
        m.put("logEndOffset", p.logEndOffset());
        m.put("lag", p.lag());
        m.put("oldestUnconsumedAt", p.oldestUnconsumedAt() == null ? null : p.oldestUnconsumedAt().toString());
        m.put("lagSeconds", seconds(p.lagTime()));
        m.put("timeToCatchUpSeconds", seconds(p.timeToCatchUp()));
        m.put("consumer", p.consumerClientId());
        m.put("status", p.status().name());
        m.put("note", p.note());
        return m;
    }

    private static Double seconds(Duration duration) {
        return duration == null ? null : duration.toMillis() / 1000.0;
    }
}
