package io.feedlens.views.messages;

import java.nio.file.Path;
import java.util.function.Supplier;

import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.cluster.ClusterSession;
import io.feedlens.app.decode.ClusterDecoding;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.views.shell.ActiveCluster;

/**
 * The Messages tab's source in the window: the active cluster's client settings and one decoder per connection
 * (building a decoder reads the local schemas, so it is kept while the cluster stays the same). Null when not connected.
 */
public final class ClusterMessages implements Supplier<MessageSource> {

    private final ActiveCluster cluster;
    private final Path dataFolder;
    private ClusterProfile decoderProfile;
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
        ClusterProfile profile = session.profile();
        if (profile != decoderProfile) {
            decoder = ClusterDecoding.decoderFor(profile, ClusterDecoding.schemaFolder(dataFolder));
            decoderProfile = profile;
        }
        return new MessageSource(profile.clientConfig(), decoder);
    }
}
