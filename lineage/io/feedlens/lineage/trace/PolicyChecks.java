package io.feedlens.lineage.trace;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.feedlens.lineage.RecordCoordinates;

/**
 * Lays a {@link TopicPolicy} over a finished trace: an input read from, or derived from events on, an analytics-only
 * topic is flagged {@link TraceFlag#ANALYTICS_ONLY_INPUT}; a feature or event record on a topic that keeps records
 * for less than its required retention is flagged {@link TraceFlag#REPLAY_AT_RISK}. Each flag comes with a note
 * that names the topic.
 */
final class PolicyChecks {

    private final TopicPolicy policy;

    PolicyChecks(TopicPolicy policy) {
        this.policy = policy;
    }

    Trace apply(Trace trace) {
        List<TraceInput> inputs = trace.inputs().stream().map(this::input).toList();
        return new Trace(trace.decisionId(), trace.source(), trace.entity(), trace.decidedAt(), trace.modelId(),
                trace.modelVersion(), trace.copies(), inputs);
    }

    private TraceInput input(TraceInput input) {
        List<TraceEvent> events = input.events().stream().map(this::event).toList();
        Set<TraceFlag> flags = EnumSet.noneOf(TraceFlag.class);
        flags.addAll(input.flags());
        List<String> notes = new ArrayList<>(input.notes());
        Set<String> analytics = new LinkedHashSet<>();
        topics(input.copies()).stream().filter(policy::analyticsOnly).forEach(analytics::add);
        input.events().forEach(e -> topics(e.copies()).stream().filter(policy::analyticsOnly).forEach(analytics::add));
        analytics.forEach(topic -> notes.add("derives from " + topic + ", which is classified analytics only"));
        if (!analytics.isEmpty()) {
            flags.add(TraceFlag.ANALYTICS_ONLY_INPUT);
        }
        retention(input.copies(), flags, notes);
        return new TraceInput(input.inferred(), input.reference(), input.feature(), input.featureId(), input.entity(),
                input.asOf(), input.value(), input.loggedValue(), input.loggedStatus(), input.freshness(), input.copies(),
                input.contentHash(), flags, notes, events, input.masked());
    }

    private TraceEvent event(TraceEvent event) {
        Set<TraceFlag> flags = EnumSet.noneOf(TraceFlag.class);
        flags.addAll(event.flags());
        List<String> notes = new ArrayList<>(event.notes());
        topics(event.copies()).stream().filter(policy::analyticsOnly)
                .forEach(topic -> notes.add(topic + " is classified analytics only"));
        retention(event.copies(), flags, notes);
        return new TraceEvent(event.reference(), event.id(), event.source(), event.entity(), event.time(), event.toFeature(),
                event.copies(), event.contentHash(), flags, notes);
    }

    private void retention(List<RecordCoordinates> copies, Set<TraceFlag> flags, List<String> notes) {
        for (String topic : topics(copies)) {
            policy.retentionShortfall(topic).ifPresent(why -> {
                flags.add(TraceFlag.REPLAY_AT_RISK);
                notes.add(why);
            });
        }
    }

    private static Set<String> topics(List<RecordCoordinates> copies) {
        Set<String> topics = new LinkedHashSet<>();
        copies.forEach(c -> topics.add(c.topic()));
        return topics;
    }
}
