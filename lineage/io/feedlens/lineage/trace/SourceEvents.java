package io.feedlens.lineage.trace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.model.DerivedFrom;
import io.feedlens.lineage.model.LineageFact;
import io.feedlens.lineage.model.Role;
import io.feedlens.lineage.store.FactQueries;
import io.feedlens.lineage.store.StoredFact;

/** A feature record's source events, each fact once with all its copies, and whether Kafka still holds them. */
final class SourceEvents {

    private final FactQueries queries;
    private final EarliestOffsets earliest;

    SourceEvents(FactQueries queries, EarliestOffsets earliest) {
        this.queries = queries;
        this.earliest = earliest;
    }

    List<TraceEvent> of(StoredFact feature) {
        List<TraceEvent> events = new ArrayList<>();
        for (DerivedFrom parent : queries.parentsOf(feature.key())) {
            List<StoredFact> found = resolve(parent);
            if (found.isEmpty()) {
                events.add(new TraceEvent(parent.toString(), parent.id(), null, null, null, null, List.of(), 0L,
                        EnumSet.of(TraceFlag.MISSING), List.of(parent + " is not in the index")));
                continue;
            }
            byFact(found).forEach((fact, copies) -> events.add(event(parent, feature.fact(), copies)));
        }
        return events;
    }

    private List<StoredFact> resolve(DerivedFrom parent) {
        return switch (parent.kind()) {
            case BY_ID -> queries.withId(parent.id()).stream().filter(f -> f.fact().role() != Role.DECISION).toList();
            case BY_COORDINATES -> queries.at(parent.start()).stream().toList();
            case WINDOW -> queries.inWindow(parent.topic(), parent.partition(), parent.from(), parent.to());
        };
    }

    /** Copies of one fact (same source and id) together, in first-seen order. */
    private static Map<String, List<StoredFact>> byFact(List<StoredFact> found) {
        Map<String, List<StoredFact>> facts = new LinkedHashMap<>();
        for (StoredFact fact : found) {
            facts.computeIfAbsent(fact.fact().source() + "\u0000" + fact.fact().id(), k -> new ArrayList<>()).add(fact);
        }
        return facts;
    }

    private TraceEvent event(DerivedFrom parent, LineageFact feature, List<StoredFact> copies) {
        LineageFact event = copies.get(0).fact();
        List<RecordCoordinates> coordinates = copies.stream().map(f -> f.fact().coordinates()).toList();
        Set<TraceFlag> flags = EnumSet.noneOf(TraceFlag.class);
        List<String> notes = new ArrayList<>();
        notReplayable(coordinates).ifPresent(note -> {
            flags.add(TraceFlag.NOT_REPLAYABLE);
            notes.add(note);
        });
        if (copies.size() > 1) {
            notes.add("one fact, " + copies.size() + " copies in Kafka");
        }
        return new TraceEvent(parent.toString(), event.id(), event.source(), event.entity(), event.time(),
                Duration.between(event.time(), feature.time()), coordinates, event.contentHash(), flags, notes);
    }

    /** A note naming the copies that are below their partition's earliest offset, if any. */
    Optional<String> notReplayable(List<RecordCoordinates> copies) {
        List<String> gone = copies.stream()
                .filter(at -> at.offset() < earliest.earliest(at.topic(), at.partition()))
                .map(RecordCoordinates::toString).toList();
        return gone.isEmpty() ? Optional.empty()
                : Optional.of(String.join(", ", gone) + " left Kafka's retention: it can no longer be replayed");
    }
}
