package io.feedlens.lineage.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.extract.LineageProfile;
import io.feedlens.lineage.model.LineageFact;
import io.feedlens.lineage.model.Role;
import io.feedlens.lineage.model.Used;
import io.feedlens.lineage.store.FactQueries;
import io.feedlens.lineage.store.LineageStore;
import io.feedlens.lineage.store.StoredFact;

/**
 * Builds a decision's {@link Trace} from the index (LINEAGE.md, "How a trace is built"): the decision, its asserted
 * inputs or, without a used list, its inferred ones (as-of join with TTL), each input's source events, and the flags.
 */
public final class Tracer {

    private static final double VALUE_TOLERANCE = 1e-9;

    private final LineageStore store;
    private final LineageProfile profile;
    private final EarliestOffsets earliest;
    private final TopicPolicy policy;
    private final FactMask mask;

    public Tracer(LineageStore store, LineageProfile profile, EarliestOffsets earliest) {
        this(store, profile, earliest, TopicPolicy.NONE, FactMask.NONE);
    }

    /**
     * A tracer that also checks each trace against what the topics' owners said of them (flags analytics-only, replay at
     * risk) and shows the values the index took from records as the cluster's masking rules allow.
     */
    public Tracer(LineageStore store, LineageProfile profile, EarliestOffsets earliest, TopicPolicy policy, FactMask mask) {
        this.store = store;
        this.profile = profile;
        this.earliest = earliest;
        this.policy = policy;
        this.mask = mask;
    }

    /** The trace of a decision, or empty when no decision with this id is indexed. */
    public Optional<Trace> trace(String decisionId) {
        Optional<Trace> trace = store.read(queries -> build(queries, decisionId));
        Optional<Trace> checked = policy == TopicPolicy.NONE ? trace : trace.map(new PolicyChecks(policy)::apply);
        // Last, so the policy's notes and every flag's note pass through the masking too.
        return mask == FactMask.NONE ? checked : checked.map(new TraceMasking(profile, mask)::apply);
    }

    private Optional<Trace> build(FactQueries queries, String decisionId) {
        List<StoredFact> copies = queries.withId(decisionId).stream().filter(f -> f.fact().role() == Role.DECISION).toList();
        if (copies.isEmpty()) {
            return Optional.empty();
        }
        StoredFact first = copies.get(0);
        LineageFact decision = first.fact();
        List<Used> used = queries.usedBy(first.key());
        SourceEvents events = new SourceEvents(queries, earliest);
        List<TraceInput> inputs = used.isEmpty() ? inferred(queries, decision, events) : asserted(queries, decision, used, events);
        return Optional.of(new Trace(decision.id(), decision.source(), decision.entity(), decision.time(), decision.modelId(),
                decision.modelVersion(), copies.stream().map(f -> f.fact().coordinates()).toList(), inputs));
    }

    private List<TraceInput> asserted(FactQueries queries, LineageFact decision, List<Used> used, SourceEvents events) {
        List<TraceInput> inputs = new ArrayList<>();
        for (Used entry : used) {
            List<StoredFact> copies = entry.featureId() != null
                    ? queries.withId(entry.featureId()).stream().filter(f -> f.fact().role() == Role.FEATURE).toList()
                    : queries.at(entry.ref()).stream().toList();
            if (copies.isEmpty()) {
                inputs.add(missing(false, entry.target(), entry, "the decision names " + entry.target() + ", which is not in the index"));
                continue;
            }
            Set<TraceFlag> flags = EnumSet.noneOf(TraceFlag.class);
            List<String> notes = new ArrayList<>();
            LineageFact feature = copies.get(0).fact();
            if (entry.loggedValue() != null && feature.value() != null
                    && Math.abs(entry.loggedValue() - feature.value()) > VALUE_TOLERANCE) {
                flags.add(TraceFlag.MISMATCH);
                notes.add("logged value " + entry.loggedValue() + ", the feature record holds " + feature.value());
            }
            asOfJoin(queries, decision, feature.feature().view()).filter(pick -> !pick.fact().id().equals(feature.id()))
                    .ifPresent(pick -> {
                        flags.add(TraceFlag.MISMATCH);
                        notes.add("the as-of join would pick " + pick.fact().id() + " at " + pick.fact().coordinates());
                    });
            inputs.add(input(false, entry.target(), decision, copies, entry, flags, notes, events));
        }
        return inputs;
    }

    /** Without a used list: for each view this model version is seen reading, the as-of join's pick, labelled inferred. */
    private List<TraceInput> inferred(FactQueries queries, LineageFact decision, SourceEvents events) {
        List<TraceInput> inputs = new ArrayList<>();
        for (String view : queries.viewsReadBy(decision.modelId(), decision.modelVersion())) {
            Optional<StoredFact> pick = asOfJoin(queries, decision, view);
            Set<TraceFlag> flags = EnumSet.of(TraceFlag.INFERRED);
            List<String> notes = new ArrayList<>(List.of("inferred by the as-of join: the decision logged no used list"));
            if (pick.isEmpty()) {
                TraceInput none = missing(true, view, null, "no " + view + " record for " + decision.entity()
                        + " within the view's TTL before the decision");
                inputs.add(none);
                continue;
            }
            List<StoredFact> copies = queries.withId(pick.get().fact().id()).stream().filter(f -> f.fact().role() == Role.FEATURE).toList();
            inputs.add(input(true, view, decision, copies, null, flags, notes, events));
        }
        return inputs;
    }

    private Optional<StoredFact> asOfJoin(FactQueries queries, LineageFact decision, String view) {
        Instant notBefore = profile.ttl(view).map(ttl -> decision.time().minus(ttl)).orElse(Instant.EPOCH);
        return queries.latestFeature(view, decision.entity(), decision.time(), notBefore);
    }

    private TraceInput input(boolean inferred, String reference, LineageFact decision, List<StoredFact> copies, Used entry,
                             Set<TraceFlag> flags, List<String> notes, SourceEvents events) {
        StoredFact first = copies.get(0);
        LineageFact feature = first.fact();
        Duration freshness = Duration.between(feature.time(), decision.time());
        profile.ttl(feature.feature().view()).filter(ttl -> freshness.compareTo(ttl) > 0).ifPresent(ttl -> {
            flags.add(TraceFlag.STALE);
            notes.add(feature.feature().view() + " was " + freshness.toSeconds() + " s old, over its " + ttl.toMinutes() + " min TTL");
        });
        store.flagReason(feature.feature()).ifPresent(reason -> {
            flags.add(TraceFlag.FLAGGED_VERSION);
            notes.add(feature.feature() + " is flagged: " + reason);
        });
        List<RecordCoordinates> coordinates = copies.stream().map(f -> f.fact().coordinates()).toList();
        events.notReplayable(coordinates).ifPresent(note -> {
            flags.add(TraceFlag.NOT_REPLAYABLE);
            notes.add(note);
        });
        return new TraceInput(inferred, reference, feature.feature(), feature.id(), feature.entity(), feature.time(),
                feature.value(), entry == null ? null : entry.loggedValue(), entry == null ? null : entry.status(), freshness,
                coordinates, feature.contentHash(), flags, notes, events.of(first), Map.of());
    }

    private static TraceInput missing(boolean inferred, String reference, Used entry, String note) {
        Set<TraceFlag> flags = EnumSet.of(TraceFlag.MISSING);
        if (inferred) {
            flags.add(TraceFlag.INFERRED);
        }
        return new TraceInput(inferred, reference, null, entry == null ? null : entry.featureId(), null,
                entry == null ? null : entry.asOf(), null, entry == null ? null : entry.loggedValue(),
                entry == null ? null : entry.status(), null, List.of(), 0L, flags, List.of(note), List.of(), Map.of());
    }
}
