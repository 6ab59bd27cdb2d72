package io.feedlens.app.profiles;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.feedlens.app.cluster.ClusterProfile;

/**
 * The saved connection profiles, kept as {@code profiles.json} in the data folder.
 *
 * <p>Written whole to a temporary file and moved into place, so a crash mid-write never leaves half a file;
 * created readable by its owner only, because profiles may one day hold references to secrets.
 */
public final class ProfileStore {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "profiles", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            JSON.writeValue(temporary.toFile(), profiles);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IllegalStateException("The profiles could not be saved to " + file + ": " + e.getMessage(), e);
        }
    }
}
