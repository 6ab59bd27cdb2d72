package io.feedlens.app.cli;

import java.nio.file.Path;

import io.feedlens.app.cluster.ClusterProfile;
import picocli.CommandLine.Option;

/** How every headless command names its cluster: bootstrap servers plus a Kafka {@code client.properties} file. */
public final class ClusterOptions {

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Bootstrap servers of the cluster.")
    String bootstrap;

    @Option(names = "--command-config", paramLabel = "FILE",
            description = "Client properties as Kafka's own tools take them (security.protocol, sasl.*, ssl.*), "
                    + "plus schema.registry.url and its settings where Avro comes from a registry.")
    Path commandConfig;

    ClusterProfile profile() {
        return new ClusterProfile(bootstrap, bootstrap, ClientProperties.read(commandConfig));
    }
}
