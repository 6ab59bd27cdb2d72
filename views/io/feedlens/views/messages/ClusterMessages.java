package io.feedlens.views.messages;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.function.Supplier;

import io.feedlens.app.cluster.ClusterOverview;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.cluster.ClusterSession;
import io.feedlens.app.decode.ClusterDecoding;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.decode.ValueMask;
import io.feedlens.app.governance.GovernanceStore;
import io.feedlens.views.shell.ActiveCluster;

/**
 * The Messages tab's source in the window: the active cluster's client settings and one decoder per connection
 * (building a decoder reads the local schemas, so it is kept while the cluster stays the same), masking by the
 * cluster's rules; the trace screen and the audit report decode with it too. Null when not connected.
 */
public final class ClusterMessages implements Supplier<MessageSource> {

    private final ActiveCluster cluster;
    private final Path dataFolder;
    private ClusterProfile decoderProfile;
    private RecordDecoder unmaskedDecoder;
    private GovernanceStore governance;
    private FileTime rulesChanged;
    private RecordDecoder decoder;

    public ClusterMessages(ActiveCluster cluster, Path dataFolder) {
        this.cluster = cluster;
        this.dataFolder = dataFolder;
        // The decoder reads the local schema files: build it on a worker as soon as a cluster connects,
        // so pressing Search on the FX thread finds it ready.
        cluster.stateProperty().addListener((o, before, now) -> {
            if (now == ActiveCluster.State.CONNECTED) {
                io.feedlens.app.Background.run(this::get);
            }
        });
    }

    @Override
    public synchronized MessageSource get() {
        ClusterSession session = cluster.session();
        if (session == null) {
            return null;
        }
        ClusterOverview overview = cluster.overviewProperty().get();
        if (overview == null) {
            return null;
        }
        ClusterProfile profile = session.profile();
        if (profile != decoderProfile) {
            unmaskedDecoder = ClusterDecoding.decoderFor(profile, ClusterDecoding.schemaFolder(dataFolder), ValueMask.NONE);
            governance = new GovernanceStore(dataFolder, overview.clusterId());
            decoderProfile = profile;
            decoder = null;
        }
        // Masking rules edited meanwhile (the topic detail, an import) apply from the next search on.
        FileTime changed = governance.lastChanged();
        if (decoder == null || !Objects.equals(changed, rulesChanged)) {
            decoder = unmaskedDecoder.masking(governance.masking());
            rulesChanged = changed;
        }
        return new MessageSource(profile.clientConfig(), decoder);
    }

    /** The same decoder without masking, for the lineage indexer, which reads facts and shows none (decision 18). */
    public synchronized RecordDecoder unmaskedDecoder() {
        return get() == null ? null : unmaskedDecoder;
    }
}
