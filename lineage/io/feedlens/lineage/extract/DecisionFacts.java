package io.feedlens.lineage.extract;

import java.util.List;

import io.feedlens.lineage.CloudEventHeaders;

/**
 * Where a decision record keeps its facts; a fact a profile file leaves out is read where the convention keeps it.
 *
 * @param id         the decision id
 * @param used       the list of features the model read (an array in the value)
 * @param usedFields where each entry of that list keeps its fields
 */
public record DecisionFacts(FactSource id, FactSource source, FactSource entity, FactSource time, FactSource modelId,
                            FactSource modelVersion, FactSource used, UsedFields usedFields) implements RecordFacts {

    public static final DecisionFacts CONVENTION = new DecisionFacts(null, null, null, null, null, null, null, null);

    public DecisionFacts {
        id = RecordFacts.or(id, CE_ID);
        source = RecordFacts.or(source, CE_SOURCE);
        entity = RecordFacts.or(entity, CE_SUBJECT);
        time = RecordFacts.or(time, CE_TIME);
        modelId = RecordFacts.or(modelId, FeatureFacts.header(CloudEventHeaders.MODEL_ID));
        modelVersion = RecordFacts.or(modelVersion, FeatureFacts.header(CloudEventHeaders.MODEL_VERSION));
        used = RecordFacts.or(used, FactSource.of("/used"));
        if (!used.onlyPointers()) {
            throw new IllegalArgumentException("the used list is an array in the value: give a JSON pointer, e.g. /inputs");
        }
        usedFields = usedFields == null ? UsedFields.CONVENTION : usedFields;
    }

    @Override
    public List<FactSource> sources() {
        return List.of(id, source, entity, time, modelId, modelVersion, used);
    }
}
