package io.feedlens.lineage.trace;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.feedlens.lineage.RecordCoordinates;

/** Everything behind one decision, from the index alone: its inputs, their source events, and what looks wrong. */
public record Trace(String decisionId, String source, String entity, Instant decidedAt, String modelId, String modelVersion,
                    List<RecordCoordinates> copies, List<TraceInput> inputs) {

    public Trace {
        copies = List.copyOf(copies);
        inputs = List.copyOf(inputs);
    }

    /** Every flag anywhere in the trace. */
    @JsonProperty
    public Set<TraceFlag> flags() {
        Set<TraceFlag> all = EnumSet.noneOf(TraceFlag.class);
        for (TraceInput input : inputs) {
            all.addAll(input.flags());
            input.events().forEach(event -> all.addAll(event.flags()));
        }
        return all;
    }
}
