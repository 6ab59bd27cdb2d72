package io.feedlens.app.lineage;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.feedlens.app.browse.FetchedRecord;
import io.feedlens.app.browse.RecordBatchFetch;
import io.feedlens.app.cluster.ClusterSession;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.extract.LineageProfile;
import io.feedlens.lineage.model.FeatureVersion;
import io.feedlens.lineage.store.DecisionUse;
import io.feedlens.lineage.store.LineageStore;
import io.feedlens.lineage.trace.Impact;
import io.feedlens.lineage.trace.ImpactReport;
import io.feedlens.lineage.trace.Trace;
import io.feedlens.lineage.trace.TraceMasking;

/**
 * The lineage of one connected cluster, as the desktop screens use it: its index (opened once per connection), traces,
 * impact, completion of decision ids, the records behind a trace fetched from Kafka, and the indexer that keeps the
 * index up to date. Every method is slow (H2 or Kafka): call them off the FX thread.
 */
public final class ClusterLineage implements AutoCloseable {

    private final ClusterSession session;
    private final LineageProfile profile;
    private final LineageStore store;
    private final LineageIndexing indexing;
    private final RecordBatchFetch records;
    private final RecordDecoder decoder;
    private final Path dataFolder;
    private final String clusterId;

    private ClusterLineage(Path dataFolder, String clusterId, ClusterSession session, LineageProfile profile, LineageStore store,
                           RecordDecoder decoder) {
        this.dataFolder = dataFolder;
        this.clusterId = clusterId;
        this.session = session;
        this.profile = profile;
        this.store = store;
        this.indexing = new LineageIndexing(session, profile, store, decoder);
        this.records = new RecordBatchFetch(session.profile().clientConfig());
        this.decoder = decoder;
    }

    /** Opens the index of the session's cluster ({@link LineageIndexes#fileFor}); creates it when there is none yet. */
    public static ClusterLineage open(Path dataFolder, ClusterSession session, String clusterId, LineageProfile profile,
                                      RecordDecoder decoder) {
        return new ClusterLineage(dataFolder, clusterId, session, profile, LineageIndexes.open(dataFolder, clusterId, IndexPassword.fromEnvironment()),
                decoder);
    }

    public LineageProfile profile() {
        return profile;
    }

    // The parts, for features built on the index (the audit report), which must not be reached from here.

    public ClusterSession session() {
        return session;
    }

    public LineageStore store() {
        return store;
    }

    public RecordDecoder decoder() {
        return decoder;
    }

    public LineageIndexing indexing() {
        return indexing;
    }

    /** The decision's trace from the index; empty when no decision with this id is indexed. */
    public Optional<Trace> trace(String decisionId) {
        return LineageIndexes.tracerFor(dataFolder, clusterId, session, store, profile).trace(decisionId);
    }

    /** Decision ids to complete a typed prefix; none when the cluster's masking rules hide decision ids. */
    public List<String> decisionIdsStartingWith(String prefix, int limit) {
        if (masking().hidesDecisionIds()) {
            return List.of();
        }
        return store.read(queries -> queries.decisionIdsStartingWith(prefix, limit));
    }

    /**
     * The cluster's masking rules over the values the index took from records (decision ids, model versions in an
     * impact list); read again at each call, so an edited rule counts at once. Traces are masked already.
     */
    public TraceMasking masking() {
        return LineageIndexes.maskingFor(dataFolder, clusterId, profile);
    }

    public List<FeatureVersion> versionsUsed() {
        return store.read(queries -> queries.versionsUsed());
    }

    /** Which decisions used the version, per model version, masked as the cluster's rules say. */
    public ImpactReport impact(FeatureVersion version) {
        return masking().apply(new Impact(store).ofFeatureVersion(version));
    }

    /** The decisions that used the version, as indexed: show them through {@link #masking()}; their ids open traces. */
    public List<DecisionUse> decisionsUsing(FeatureVersion version, int limit) {
        return store.read(queries -> queries.decisionListUsing(version, limit));
    }

    /** Records the index could not use (no decode, facts missing), with their coordinates and why. */
    public List<io.feedlens.lineage.model.SkippedRecord> skipped() {
        return store.skipped();
    }

    /** Marks a feature view version as wrong; traces and impact show the flag with the reason. */
    public void flag(FeatureVersion version, String reason) {
        store.flag(version, reason, java.time.Instant.now());
    }

    public void unflag(FeatureVersion version) {
        store.unflag(version);
    }

    /** The records at these coordinates, read from Kafka with one consumer, each with the reason when it can't be had. */
    public Map<RecordCoordinates, FetchedRecord> fetch(Collection<RecordCoordinates> coordinates) {
        return records.fetch(coordinates);
    }

    /** Stops the indexer (its last batch committed) and closes the index. */
    @Override
    public void close() {
        indexing.stop();
        records.close();
        store.close();
    }
}
