package io.feedlens.app.lineage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.feedlens.app.OwnerOnly;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.cluster.ClusterSession;
import io.feedlens.app.decode.ClusterDecoding;
import io.feedlens.app.decode.DecoderSettings;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.decode.ValueMask;
import io.feedlens.app.demo.DemoCluster;
import io.feedlens.app.governance.ClusterGovernance;
import io.feedlens.app.governance.GovernanceStore;
import io.feedlens.app.governance.GovernedTopics;
import io.feedlens.lineage.extract.LineageProfile;
import io.feedlens.lineage.store.LineageStore;
import io.feedlens.lineage.trace.EarliestOffsets;
import io.feedlens.lineage.trace.FactMask;
import io.feedlens.lineage.trace.TopicPolicy;
import io.feedlens.lineage.trace.TraceMasking;
import io.feedlens.lineage.trace.Tracer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** Where each cluster's lineage index lives ({@code <data folder>/lineage/<cluster id>/}) and what Kafka adds to a trace. */
public final class LineageIndexes {

    private LineageIndexes() {
    }

    /** The index file of a cluster, named by its cluster id so two profiles of one cluster share one index. */
    public static Path fileFor(Path dataFolder, String clusterId) {
        String safe = clusterId.replaceAll("[^A-Za-z0-9_.-]", "_");
        return dataFolder.resolve("lineage").resolve(safe).resolve("index");
    }

    /** The lineage profile the desktop uses for a cluster: {@code profile.json} beside its index. */
    public static Path profileFile(Path dataFolder, String clusterId) {
        return fileFor(dataFolder, clusterId).resolveSibling("profile.json");
    }

    /**
     * The lineage profile the desktop uses for a connection: the one saved with the connection profile
     * ({@code feedlens lineage profile import}), else {@link #profileFile} beside the cluster's index, else the demo
     * feed's convention. A file that can't be read is an error, not a silent fallback: the index would be built from
     * the wrong topics.
     */
    public static LineageProfile profileFor(Path dataFolder, ClusterProfile connection, String clusterId) {
        if (connection.lineage() != null) {
            return connection.lineage();
        }
        Path file = profileFile(dataFolder, clusterId);
        if (!Files.exists(file)) {
            return LineageProfile.demo("");
        }
        try {
            return LineageProfile.readFrom(file);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("The lineage profile " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The cluster's index, encrypted with {@code password} (null: a plain file); see {@link IndexPassword}. */
    public static LineageStore open(Path dataFolder, String clusterId, char[] password) {
        return opened(dataFolder, clusterId, file -> LineageStore.open(file, password));
    }

    /** For indexers of one consumer group on this machine: every one of them opens the file this way. */
    public static LineageStore openShared(Path dataFolder, String clusterId, char[] password) {
        return opened(dataFolder, clusterId, file -> LineageStore.openShared(file, password));
    }

    private static LineageStore opened(Path dataFolder, String clusterId, java.util.function.Function<Path, LineageStore> opener) {
        Path file = fileFor(dataFolder, clusterId);
        try {
            OwnerOnly.directories(file.getParent().getParent());
            OwnerOnly.directories(file.getParent());
            LineageStore store = opener.apply(file);
            OwnerOnly.tree(file.getParent());
            return store;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Each partition's current earliest offset, asked once per partition and remembered for this trace; a partition
     * Kafka does not answer for counts as fully replayable rather than failing the trace.
     */
    public static EarliestOffsets earliestFrom(Admin admin) {
        Map<TopicPartition, Long> known = new HashMap<>();
        return (topic, partition) -> known.computeIfAbsent(new TopicPartition(topic, partition), tp -> {
            try {
                return admin.listOffsets(Map.of(tp, OffsetSpec.earliest())).partitionResult(tp).get(5, TimeUnit.SECONDS).offset();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0L;
            } catch (ExecutionException | TimeoutException e) {
                return 0L;
            }
        });
    }

    /**
     * The tracer for a cluster: earliest offsets asked of Kafka, the policy checks of the cluster's governance file
     * (analytics-only inputs, retention shorter than required) and its masking rules, read now so an edit counts at
     * the next trace (decision 18).
     */
    public static Tracer tracerFor(Path dataFolder, String clusterId, ClusterSession session, LineageStore store, LineageProfile profile) {
        GovernanceStore governance = new GovernanceStore(dataFolder, clusterId);
        ClusterGovernance rules = governance.load();
        TopicPolicy policy = GovernedTopics.of(rules, session.admin());
        FactMask mask = rules.masking().isEmpty() ? FactMask.NONE : governance.masking();
        return new Tracer(store, profile, earliestFrom(session.admin()), policy, mask);
    }

    /** The cluster's masking rules over the index's own values, for impact lists (traces get them from {@link #tracerFor}). */
    public static TraceMasking maskingFor(Path dataFolder, String clusterId, LineageProfile profile) {
        return new TraceMasking(profile, new GovernanceStore(dataFolder, clusterId).masking());
    }

    /** The data folder's {@code schemas/}, where local {@code .avsc} files are looked for. */
    public static Path defaultSchemaFolder(Path dataFolder) {
        return ClusterDecoding.schemaFolder(dataFolder);
    }

    /**
     * The decoder for lineage work on a cluster: its registry and the local schemas in {@code schemaFolder}; without
     * that folder, still the demo feed's Avro features, the one feed FeedLens knows out of the box.
     */
    public static RecordDecoder decoderFor(ClusterProfile profile, Path schemaFolder, ValueMask mask) {
        if (Files.isDirectory(schemaFolder)) {
            return ClusterDecoding.decoderFor(profile, schemaFolder, mask);
        }
        return new RecordDecoder(DecoderSettings.automatic().withLocalSchemas(DemoCluster.schemas())).masking(mask);
    }
}
