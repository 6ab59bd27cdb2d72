package io.feedlens.app.lineage;

import java.util.List;
import java.util.Map;

/**
 * The index's standing: per topic what is indexed and how far behind; records per role ("event", "feature",
 * "decision", "skipped"); whether the indexer runs, its last progress (null before one) and the problem that ended it.
 */
public record IndexStatus(List<TopicIndexState> topics, Map<String, Long> counts, boolean running, IndexProgress progress,
                          String problem) {

    public IndexStatus {
        topics = List.copyOf(topics);
        counts = Map.copyOf(counts);
    }

    public long behind() {
        return topics.stream().mapToLong(TopicIndexState::behind).sum();
    }
}
