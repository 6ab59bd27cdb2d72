package io.feedlens.lineage.extract;

import java.util.List;

/** Where an event record keeps its facts; a fact a profile file leaves out is read where the convention keeps it. */
public record EventFacts(FactSource id, FactSource source, FactSource entity, FactSource time) implements RecordFacts {

    public static final EventFacts CONVENTION = new EventFacts(null, null, null, null);

    public EventFacts {
        id = RecordFacts.or(id, CE_ID);
        source = RecordFacts.or(source, CE_SOURCE);
        entity = RecordFacts.or(entity, CE_SUBJECT);
        time = RecordFacts.or(time, CE_TIME);
    }

    @Override
    public List<FactSource> sources() {
        return List.of(id, source, entity, time);
    }
}
