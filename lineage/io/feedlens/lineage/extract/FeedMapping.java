package io.feedlens.lineage.extract;

import io.feedlens.lineage.model.Role;

/**
 * Where each role's records keep the facts the index needs. A feed that follows the convention needs none of it:
 * every role's mapping, and every fact left out of one, defaults to the convention's place.
 */
public record FeedMapping(EventFacts event, FeatureFacts feature, DecisionFacts decision) {

    public static final FeedMapping CONVENTION = new FeedMapping(null, null, null);

    public FeedMapping {
        event = event == null ? EventFacts.CONVENTION : event;
        feature = feature == null ? FeatureFacts.CONVENTION : feature;
        decision = decision == null ? DecisionFacts.CONVENTION : decision;
    }

    public RecordFacts of(Role role) {
        return switch (role) {
            case EVENT -> event;
            case FEATURE -> feature;
            case DECISION -> decision;
        };
    }
}
