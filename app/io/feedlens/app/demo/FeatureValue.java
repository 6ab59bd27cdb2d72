package io.feedlens.app.demo;

import java.time.Instant;
import java.util.List;

/**
 * One computed value of one feature view, in one version, for one card, as of a time.
 *
 * @param value          the count for {@code txn_velocity_5m}, the mean amount for {@code amount_stats_1h}
 * @param maxAmount      only in {@code amount_stats_1h} schema v2; {@code null} means the record is written with schema v1
 * @param causationId    the {@code ce_id} of the payment that triggered the computation
 * @param lineageParents every input, as {@code id:<ce_id>} or {@code topic/partition@offset} entries
 */
public record FeatureValue(String featureId, FeatureView view, int version, String card, Instant asOf, double value,
                           Double maxAmount, String causationId, String correlationId, String traceparent,
                           List<String> lineageParents) {

    public FeatureValue {
        lineageParents = List.copyOf(lineageParents);
    }

    /** Whether this value is older than its view's TTL when a decision reads it at {@code at}. */
    public boolean isStaleAt(Instant at) {
        return asOf.plus(view.ttl()).isBefore(at);
    }
}
