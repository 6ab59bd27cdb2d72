package io.feedlens.app.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a team records about one cluster's topics: per topic owner, classification, required retention and
 * notes, and the masking rules. What {@code governance.json} holds and what is exported and imported whole.
 */
public record ClusterGovernance(Map<String, TopicGovernance> topics, List<MaskRule> masking) {

    public static final ClusterGovernance EMPTY = new ClusterGovernance(Map.of(), List.of());

    public ClusterGovernance {
        // Sorted, so the file diffs well when a team keeps it under version control.
        topics = topics == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(topics));
        masking = masking == null ? List.of() : List.copyOf(masking);
    }

    /** What is recorded for a topic; {@link TopicGovernance#NONE} when nothing is. */
    public TopicGovernance topic(String name) {
        return topics.getOrDefault(name, TopicGovernance.NONE);
    }

    /** With the parts {@code change} records laid over the topic's entry. */
    public ClusterGovernance withTopic(String name, TopicGovernance change) {
        return replacingTopic(name, topic(name).overlaidWith(change));
    }

    /** With the topic's entry replaced outright (an editor's Save), or dropped when {@code entry} is empty. */
    public ClusterGovernance replacingTopic(String name, TopicGovernance entry) {
        Map<String, TopicGovernance> changed = new TreeMap<>(topics);
        if (entry.isEmpty()) {
            changed.remove(name);
        } else {
            changed.put(name, entry);
        }
        return new ClusterGovernance(changed, masking);
    }

    public ClusterGovernance withRule(MaskRule rule) {
        List<MaskRule> changed = new ArrayList<>(masking);
        if (!changed.contains(rule)) {
            changed.add(rule);
        }
        return new ClusterGovernance(topics, changed);
    }

    /** Without the rule at this position in {@link #masking()} (1-based, as {@code feedlens masking list} numbers them). */
    public ClusterGovernance withoutRule(int number) {
        if (number < 1 || number > masking.size()) {
            throw new IllegalArgumentException("There is no masking rule " + number + ": there are " + masking.size());
        }
        List<MaskRule> changed = new ArrayList<>(masking);
        changed.remove(number - 1);
        return new ClusterGovernance(topics, changed);
    }

    /** An imported file laid over this one: its topic entries win part by part, its rules are added to ours. */
    public ClusterGovernance mergedWith(ClusterGovernance imported) {
        ClusterGovernance merged = this;
        for (Map.Entry<String, TopicGovernance> entry : imported.topics.entrySet()) {
            merged = merged.withTopic(entry.getKey(), entry.getValue());
        }
        for (MaskRule rule : imported.masking) {
            merged = merged.withRule(rule);
        }
        return merged;
    }
}
