package io.feedlens.app.governance;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A cluster's governance file, {@code <data folder>/governance/<cluster id>/governance.json} (decision 19): named by
 * cluster id like the lineage index, so every profile of one cluster sees the same owners and rules, but kept apart
 * from the index, so rebuilding an index never loses them. Beside it, {@code hash.key}: the key of the masking hash.
 * Both are written owner-only, whole, through a temporary file.
 */
public final class GovernanceStore {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final FileAttribute<?> OWNER_ONLY = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final Path file;

    public GovernanceStore(Path dataFolder, String clusterId) {
        String safe = clusterId.replaceAll("[^A-Za-z0-9_.-]", "_");
        this.file = dataFolder.resolve("governance").resolve(safe).resolve("governance.json");
    }

    public Path file() {
        return file;
    }

    /** When the file last changed (null while there is none): lets a screen pick up rules edited elsewhere. */
    public java.nio.file.attribute.FileTime lastChanged() {
        try {
            return Files.exists(file) ? Files.getLastModifiedTime(file) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** What is recorded; {@link ClusterGovernance#EMPTY} before anything is. A damaged file is an error, never "no rules". */
    public synchronized ClusterGovernance load() {
        return Files.exists(file) ? read(file) : ClusterGovernance.EMPTY;
    }

    public synchronized void save(ClusterGovernance governance) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "governance", ".tmp", OWNER_ONLY);
            JSON.writeValue(temporary.toFile(), governance);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IllegalStateException("The governance of this cluster could not be saved to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads and applies a change in one step, so two edits made at once do not lose each other. */
    public synchronized ClusterGovernance update(java.util.function.UnaryOperator<ClusterGovernance> change) {
        ClusterGovernance changed = change.apply(load());
        save(changed);
        return changed;
    }

    /** Imports a shared file: laid over what is recorded, or instead of it when {@code replace}. */
    public ClusterGovernance importFrom(Path shared, boolean replace) {
        ClusterGovernance imported = read(shared);
        return update(current -> replace ? imported : current.mergedWith(imported));
    }

    public void exportTo(Path shared) {
        try {
            JSON.writeValue(shared.toFile(), load());
        } catch (IOException e) {
            throw new IllegalStateException("Could not write " + shared + ": " + e.getMessage(), e);
        }
    }

    /** The masking rules with this data folder's hash key, ready for a decoder. */
    public Masking masking() {
        return new Masking(load().masking(), hashKey());
    }

    static ClusterGovernance read(Path source) {
        try {
            return JSON.readValue(source.toFile(), ClusterGovernance.class);
        } catch (ValueInstantiationException e) {
            Throwable why = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException(source + " is not a valid governance file: " + why.getMessage(), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not a valid governance file: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " cannot be read: " + e.getMessage(), e);
        }
    }

    private synchronized byte[] hashKey() {
        Path keyFile = file.resolveSibling("hash.key");
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    Files.write(Files.createFile(keyFile, OWNER_ONLY), key);
                } catch (FileAlreadyExistsException raced) {
                    return Files.readAllBytes(keyFile);
                }
                return key;
            }
            return Files.readAllBytes(keyFile);
        } catch (IOException e) {
            throw new IllegalStateException("The masking hash key " + keyFile + " could not be read or made: " + e.getMessage(), e);
        }
    }
}
