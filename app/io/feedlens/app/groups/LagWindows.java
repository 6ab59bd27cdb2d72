package io.feedlens.app.groups;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;

/**
 * The sliding window of recent samples per group and partition, in memory: what Burrow's rules and the consume rate
 * are computed from. Each refresh adds one sample; the oldest falls out once the window is full.
 */
final class LagWindows {

    /** Burrow's default window: ten intervals. */
    static final int DEFAULT_SIZE = 10;

    private record Key(String groupId, TopicPartition partition) {
    }

    private record Sample(Instant sampledAt, long offset, long lag, Instant committedAt) {
    }

    private final int size;
    private final Map<Key, Deque<Sample>> windows = new HashMap<>();

    LagWindows(int size) {
        this.size = size;
    }

    /**
     * Adds a sample and returns the window as Burrow's observations. The commit time is the sample time when the
     * offset moved or a live member owns the partition, else the previous commit time stands (docs/groups-status.md).
     */
    synchronized List<OffsetObservation> observe(String groupId, TopicPartition partition, Instant at,
                                                 long offset, long lag, boolean owned) {
        Deque<Sample> window = windows.computeIfAbsent(new Key(groupId, partition), k -> new ArrayDeque<>());
        Sample previous = window.peekLast();
        Instant committedAt = previous == null || owned || previous.offset() != offset ? at : previous.committedAt();
        window.addLast(new Sample(at, offset, lag, committedAt));
        while (window.size() > size) {
            window.removeFirst();
        }
        return window.stream().map(s -> new OffsetObservation(s.offset(), s.lag(), s.committedAt())).toList();
    }

    /** Records consumed per second over the window; null when it has not moved forward or has one sample. */
    synchronized Double consumeRate(String groupId, TopicPartition partition) {
        Deque<Sample> window = windows.get(new Key(groupId, partition));
        if (window == null || window.size() < 2) {
            return null;
        }
        Sample first = window.peekFirst();
        Sample last = window.peekLast();
        double seconds = Duration.between(first.sampledAt(), last.sampledAt()).toMillis() / 1000.0;
        long moved = last.offset() - first.offset();
        return seconds <= 0 || moved <= 0 ? null : moved / seconds;
    }

    /** Forgets groups that no longer exist, so a deleted group's windows do not linger. */
    synchronized void retainGroups(Set<String> groupIds) {
        windows.keySet().removeIf(key -> !groupIds.contains(key.groupId()));
    }
}
