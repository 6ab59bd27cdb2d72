package io.feedlens.app.report;

import java.util.List;

/**
 * The result of verifying a report: one check per record, or none when the report was made on another cluster
 * (offsets of one cluster say nothing about another's).
 */
public record Verification(String reportClusterId, String clusterId, List<RecordCheck> checks) {

    public Verification {
        checks = List.copyOf(checks);
    }

    public boolean otherCluster() {
        return reportClusterId != null && !reportClusterId.equals(clusterId);
    }

    /** True when the cluster differs or any record changed, left retention or cannot be read. */
    public boolean differs() {
        return otherCluster() || checks.stream().anyMatch(RecordCheck::differs);
    }

    public long count(RecordCheck.Outcome outcome) {
        return checks.stream().filter(c -> c.outcome() == outcome).count();
    }
}
