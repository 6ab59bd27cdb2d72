package io.feedlens.lineage.trace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.extract.DecisionFacts;
import io.feedlens.lineage.extract.FactPlace;
import io.feedlens.lineage.extract.FactSource;
import io.feedlens.lineage.extract.FeatureFacts;
import io.feedlens.lineage.extract.LineageProfile;
import io.feedlens.lineage.extract.RecordFacts;
import io.feedlens.lineage.model.Role;
import io.feedlens.lineage.store.DecisionUse;
import io.feedlens.lineage.store.ModelVersionUse;

/**
 * Lays the cluster's masking rules over the values the index took from records, as a trace or an impact list shows
 * them: fact ids, sources, entity ids, model ids and versions, feature values and what a decision logged of them. The
 * lineage profile says which header or value path each fact comes from, so a rule on {@code ce_subject} or on
 * {@code $.card.number} hides the entity in a trace as it does in the record body.
 *
 * <p>Fails closed: a fact that may come from several places is hidden when a rule names any of them; a fact without
 * coordinates (a missing record) is checked against every topic of its role; and once a value is hidden, it is
 * replaced wherever else the trace holds it as a word (a note, a reference such as {@code id:…}, the same id read
 * from another topic). Times, coordinates and feature view names and versions are not masked: no rule can name the
 * coordinates, and views and times are what a trace is about.
 */
public final class TraceMasking {

    /** What a removed fact reads as: a trace keeps its shape, so the fact is said to be gone rather than left out. */
    public static final String REMOVED = "(removed)";

    private final LineageProfile profile;
    private final FactMask mask;

    public TraceMasking(LineageProfile profile, FactMask mask) {
        this.profile = profile;
        this.mask = mask;
    }

    public Trace apply(Trace trace) {
        return new Hiding().trace(trace);
    }

    /** The model ids and versions of an impact report, as decisions on any decision topic would show them. */
    public ImpactReport apply(ImpactReport report) {
        Hiding hiding = new Hiding();
        Set<String> topics = profileTopics(Role.DECISION);
        DecisionFacts facts = profile.facts().decision();
        List<ModelVersionUse> uses = report.byModelVersion().stream().map(use -> new ModelVersionUse(
                hiding.hide(use.modelId(), topics, facts.modelId().places()),
                hiding.hide(use.modelVersion(), topics, facts.modelVersion().places()), use.decisions(), use.first(), use.last())).toList();
        return new ImpactReport(report.subject(), report.flagReason(), uses);
    }

    /** One decision of an impact list: its id, model id and version, as a trace of it would show them. */
    public DecisionUse apply(DecisionUse use) {
        Hiding hiding = new Hiding();
        Set<String> topics = profileTopics(Role.DECISION);
        DecisionFacts facts = profile.facts().decision();
        return new DecisionUse(hiding.hide(use.decisionId(), topics, facts.id().places()), use.decidedAt(),
                hiding.hide(use.modelId(), topics, facts.modelId().places()),
                hiding.hide(use.modelVersion(), topics, facts.modelVersion().places()));
    }

    /**
     * Whether a rule hides decision ids on any decision topic: then nothing may offer them to pick from (a completion
     * list), and a person traces a decision by typing the id they already have.
     */
    public boolean hidesDecisionIds() {
        List<FactPlace> places = profile.facts().decision().id().places();
        String probe = "decision-id";
        return profileTopics(Role.DECISION).stream().anyMatch(topic -> !probe.equals(mask.shown(topic, places, probe)));
    }

    private Set<String> profileTopics(Role... roles) {
        Set<String> topics = new LinkedHashSet<>();
        for (Role role : roles) {
            profile.topicRoles().forEach((topic, r) -> {
                if (r == role) {
                    topics.add(topic);
                }
            });
        }
        return topics;
    }

    /** The topics a fact was read from; without copies, every topic of its roles. */
    private Set<String> topics(List<RecordCoordinates> copies, Role... roles) {
        if (copies.isEmpty()) {
            return profileTopics(roles);
        }
        Set<String> topics = new LinkedHashSet<>();
        copies.forEach(at -> topics.add(at.topic()));
        return topics;
    }

    /** Each place of a used entry's field, inside each element of the decision's used list. */
    private List<FactPlace> usedPlaces(FactSource field) {
        List<FactPlace> places = new ArrayList<>();
        for (FactPlace list : profile.facts().decision().used().places()) {
            field.places().forEach(place -> places.add(place.inEachElementOf(list)));
        }
        return places;
    }

    /** One trace's hiding: what it hid, so a hidden value is replaced everywhere else in the same trace. */
    private final class Hiding {

        private final Map<String, String> hidden = new HashMap<>();

        String hide(String text, Set<String> topics, List<FactPlace> places) {
            if (text == null || text.isEmpty()) {
                return text;
            }
            for (String topic : topics) {
                String shown = mask.shown(topic, places, text);
                if (!text.equals(shown)) {
                    hidden.put(text, shown);
                    return shown;
                }
            }
            return text;
        }

        /** A fact that may have been read from either of two groups of places (a feature id: the record, or the used entry). */
        String hide(String text, Set<String> topics, List<FactPlace> places, Set<String> otherTopics, List<FactPlace> otherPlaces) {
            String shown = hide(text, topics, places);
            return text != null && !text.equals(shown) ? shown : hide(text, otherTopics, otherPlaces);
        }

        /** A number: null when hidden, with what is shown instead put into {@code masked} under {@code name}. */
        Double hide(Double value, String name, Map<String, String> masked, Set<String> topics, List<FactPlace> places) {
            if (value == null) {
                return null;
            }
            String text = TraceInput.numberText(value);
            String shown = hide(text, topics, places);
            if (text.equals(shown)) {
                return value;
            }
            masked.put(name, shown);
            hidden.put(String.valueOf(value), shown); // how notes write it ("logged value 3.0")
            return null;
        }

        Trace trace(Trace trace) {
            DecisionFacts facts = profile.facts().decision();
            Set<String> topics = topics(trace.copies(), Role.DECISION);
            Trace masked = new Trace(hide(trace.decisionId(), topics, facts.id().places()),
                    hide(trace.source(), topics, facts.source().places()), hide(trace.entity(), topics, facts.entity().places()),
                    trace.decidedAt(), hide(trace.modelId(), topics, facts.modelId().places()),
                    hide(trace.modelVersion(), topics, facts.modelVersion().places()), trace.copies(),
                    trace.inputs().stream().map(input -> input(input, topics)).toList());
            return hidden.isEmpty() ? masked : new Words(hidden).trace(masked);
        }

        private TraceInput input(TraceInput input, Set<String> decisionTopics) {
            FeatureFacts facts = profile.facts().feature();
            DecisionFacts decision = profile.facts().decision();
            Set<String> topics = topics(input.copies(), Role.FEATURE);
            FactSource valueAt = input.feature() == null ? facts.value() : profile.valueOf(input.feature().view());
            Map<String, String> masked = new HashMap<>(input.masked());
            Double value = hide(input.value(), "value", masked, topics, valueAt.places());
            Double logged = hide(input.loggedValue(), "loggedValue", masked, decisionTopics, usedPlaces(decision.usedFields().value()));
            if (logged != null && value == null && masked.containsKey("value") && logged.equals(input.value())) {
                // The same number the record's rule hides, logged by the decision: shown beside it, it would tell it.
                masked.put("loggedValue", masked.get("value"));
                logged = null;
            }
            String status = input.loggedStatus() == null ? null
                    : hide(input.loggedStatus().name(), decisionTopics, usedPlaces(decision.usedFields().status()));
            if (status != null && !status.equals(input.loggedStatus().name())) {
                masked.put("loggedStatus", status);
            }
            return new TraceInput(input.inferred(), input.reference(), input.feature(),
                    hide(input.featureId(), topics, facts.id().places(), decisionTopics, usedPlaces(decision.usedFields().featureId())),
                    hide(input.entity(), topics, facts.entity().places()), input.asOf(), value, logged,
                    masked.containsKey("loggedStatus") ? null : input.loggedStatus(), input.freshness(), input.copies(),
                    input.contentHash(), input.flags(), input.notes(), input.events().stream().map(this::event).toList(), masked);
        }

        private TraceEvent event(TraceEvent event) {
            RecordFacts facts = profile.facts().event();
            Set<String> topics = topics(event.copies(), Role.EVENT, Role.FEATURE);
            return new TraceEvent(event.reference(), hide(event.id(), topics, facts.id().places()),
                    hide(event.source(), topics, facts.source().places()), hide(event.entity(), topics, facts.entity().places()),
                    event.time(), event.toFeature(), event.copies(), event.contentHash(), event.flags(), event.notes());
        }
    }

    /** Replaces each hidden value wherever it stands as a word in the trace's texts, in one pass (a shown text is never replaced again). */
    private static final class Words {

        private final Map<String, String> hidden;
        private final Pattern words;

        Words(Map<String, String> hidden) {
            this.hidden = hidden;
            // Longest first, so "card-12" is replaced whole rather than as "card-1" and a stray "2".
            String alternatives = hidden.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                    .map(Pattern::quote).collect(Collectors.joining("|"));
            // Not inside a longer word or number: a hidden "3.0" must not turn "13.0 s" into "1**** s".
            this.words = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])");
        }

        String of(String text) {
            if (text == null) {
                return null;
            }
            Matcher matcher = words.matcher(text);
            return matcher.replaceAll(found -> Matcher.quoteReplacement(hidden.get(found.group())));
        }

        List<String> of(Collection<String> texts) {
            return texts.stream().map(this::of).toList();
        }

        Trace trace(Trace trace) {
            return new Trace(of(trace.decisionId()), of(trace.source()), of(trace.entity()), trace.decidedAt(), of(trace.modelId()),
                    of(trace.modelVersion()), trace.copies(), trace.inputs().stream().map(this::input).toList());
        }

        private TraceInput input(TraceInput input) {
            return new TraceInput(input.inferred(), of(input.reference()), input.feature(), of(input.featureId()), of(input.entity()),
                    input.asOf(), input.value(), input.loggedValue(), input.loggedStatus(), input.freshness(), input.copies(),
                    input.contentHash(), input.flags(), of(input.notes()), input.events().stream().map(this::event).toList(), input.masked());
        }

        private TraceEvent event(TraceEvent event) {
            return new TraceEvent(of(event.reference()), of(event.id()), of(event.source()), of(event.entity()), event.time(),
                    event.toFeature(), event.copies(), event.contentHash(), event.flags(), of(event.notes()));
        }
    }
}
