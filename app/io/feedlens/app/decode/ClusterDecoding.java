package io.feedlens.app.decode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.decode.registry.RegistrySettings;
import io.feedlens.app.decode.registry.SchemaRegistryClient;

/**
 * How records of one cluster are decoded: its Schema Registry when the profile names one
 * ({@code schema.registry.url} and friends), and the local {@code .avsc} files in FeedLens's schema folder.
 */
public final class ClusterDecoding {

    private ClusterDecoding() {
    }

    /** The schema folder inside a FeedLens data folder: where local {@code .avsc} files are looked for. */
    public static Path schemaFolder(Path dataFolder) {
        return dataFolder.resolve("schemas");
    }

    /**
     * The cluster's decoder, masking by {@code mask}: a caller says which masking it wants ({@link ValueMask#NONE} only
     * where nothing it decodes reaches a person), so no screen or command can forget the cluster's rules by omission.
     */
    public static RecordDecoder decoderFor(ClusterProfile profile, Path localSchemaFolder, ValueMask mask) {
        Map<String, String> registry = profile.registryProperties();
        DecoderSettings settings = DecoderSettings.automatic();
        if (registry.containsKey(RegistrySettings.URL)) {
            settings = settings.withRegistry(new SchemaRegistryClient(RegistrySettings.fromProperties(registry)));
        }
        if (localSchemaFolder != null && Files.isDirectory(localSchemaFolder)) {
            settings = settings.withLocalSchemas(LocalSchemas.fromFolder(localSchemaFolder));
        }
        return new RecordDecoder(settings).masking(mask);
    }
}
