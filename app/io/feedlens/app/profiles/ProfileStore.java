package io.feedlens.app.profiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedlens.app.OwnerOnly;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.secrets.SecretReferences;
import io.feedlens.lineage.extract.ProfileFile;

/**
 * The saved connection profiles, kept as {@code profiles.json} in the data folder, each with its lineage profile.
 *
 * <p>Written whole to a temporary file and moved into place, so a crash mid-write never leaves half a file;
 * created readable by its owner only, in a folder only its owner may enter. A secret is never saved in plain
 * text: a profile holding one is refused with what to do instead (a reference, or the encrypted secret store).
 */
public final class ProfileStore {

    /** The lineage profile file's own mapper, so a profile saved here reads exactly as its exported file does. */
    private static final ObjectMapper JSON = ProfileFile.mapper();

    private final Path file;

    public ProfileStore(Path dataFolder) {
        this.file = dataFolder.resolve("profiles.json");
    }

    public Path folder() {
        return file.getParent();
    }

    public synchronized List<ClusterProfile> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return List.copyOf(JSON.readValue(file.toFile(), new TypeReference<List<ClusterProfile>>() { }));
        } catch (IOException e) {
            throw new IllegalStateException("The saved profiles in " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    public Optional<ClusterProfile> find(String name) {
        return load().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Adds the profile, or replaces the one saved as {@code previousName} (null for a new profile).
     * Refuses a name that another profile already has, so a rename never silently overwrites.
     */
    public synchronized List<ClusterProfile> save(String previousName, ClusterProfile profile) {
        refusePlainSecrets(profile);
        List<ClusterProfile> profiles = new ArrayList<>(load());
        int clash = indexOf(profiles, profile.name());
        if (clash >= 0 && !profile.name().equals(previousName)) {
            throw new IllegalArgumentException("A profile named '" + profile.name() + "' exists already.");
        }
        int index = indexOf(profiles, previousName);
        if (index >= 0) {
            profiles.set(index, profile);
        } else {
            profiles.add(profile);
        }
        write(profiles);
        return List.copyOf(profiles);
    }

    public synchronized List<ClusterProfile> remove(String name) {
        List<ClusterProfile> profiles = new ArrayList<>(load());
        profiles.removeIf(p -> p.name().equals(name));
        write(profiles);
        return List.copyOf(profiles);
    }

    /** The words a person sees when a profile would carry a secret in plain text. */
    private static void refusePlainSecrets(ClusterProfile profile) {
        List<String> plain = SecretReferences.plainSecrets(profile.properties());
        if (!plain.isEmpty()) {
            throw new IllegalArgumentException("FeedLens does not save secrets in plain text (" + String.join(", ", plain)
                    + "). Give a reference such as ${env:KAFKA_PASSWORD} or ${file:/path/to/secrets.properties:password}, "
                    + "or unlock the secret store with a passphrase so the secret is kept encrypted.");
        }
    }

    private static int indexOf(List<ClusterProfile> profiles, String name) {
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void write(List<ClusterProfile> profiles) {
        try {
            OwnerOnly.directories(file.getParent());
            Path temporary = OwnerOnly.temporaryFile(file.getParent(), "profiles");
            JSON.writeValue(temporary.toFile(), profiles);
            OwnerOnly.moveIntoPlace(temporary, file);
        } catch (IOException e) {
            throw new IllegalStateException("The profiles could not be saved to " + file + ": " + e.getMessage(), e);
        }
    }
}
