package io.feedlens.lineage.extract;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.feedlens.lineage.CloudEventHeaders;

/**
 * Where a feature record keeps its facts; a fact a profile file leaves out is read where the convention keeps it.
 *
 * @param value       the feature's value, unless the profile's valuePointers name one for the record's view
 * @param parents     inputs written as ce_lineageparents writes them ({@code id:ID}, {@code topic/p@offset},
 *                    {@code topic/p@from-to}): comma-separated text or an array of such texts
 * @param parentIds   inputs named by plain fact id, as text or an array (none by convention)
 * @param causationId the single direct parent's id, used when neither list names any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeatureFacts(FactSource id, FactSource source, FactSource entity, FactSource time, FactSource view,
                           FactSource version, FactSource value, FactSource parents, FactSource parentIds,
                           FactSource causationId) implements RecordFacts {

    public static final FeatureFacts CONVENTION = new FeatureFacts(null, null, null, null, null, null, null, null, null, null);

    public FeatureFacts {
        id = RecordFacts.or(id, CE_ID);
        source = RecordFacts.or(source, CE_SOURCE);
        entity = RecordFacts.or(entity, CE_SUBJECT);
        time = RecordFacts.or(time, CE_TIME);
        view = RecordFacts.or(view, header(CloudEventHeaders.FEATURE_VIEW));
        version = RecordFacts.or(version, header(CloudEventHeaders.FEATURE_VERSION));
        value = RecordFacts.or(value, FactSource.of("/value"));
        parents = RecordFacts.or(parents, header(CloudEventHeaders.LINEAGE_PARENTS));
        causationId = RecordFacts.or(causationId, header(CloudEventHeaders.CAUSATION_ID));
    }

    static FactSource header(String name) {
        return FactSource.of(FactSource.HEADER_PREFIX + name);
    }

    @Override
    public List<FactSource> sources() {
        return Stream.of(id, source, entity, time, view, version, value, parents, parentIds, causationId)
                .filter(Objects::nonNull).toList();
    }
}
