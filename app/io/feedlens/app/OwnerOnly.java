package io.feedlens.app;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files and folders of the data folder that only their owner may read: profiles, the secret store, the log, the H2
 * databases. POSIX 700 for folders and 600 for files; on a file system without POSIX permissions this does nothing
 * (there the user profile folder's own access rules apply).
 */
public final class OwnerOnly {

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /**
     * Creates the folder and any missing parents, and makes the folder itself owner-only — unless someone else owns
     * it (a shared folder given as {@code --data-dir}), which is left as it is rather than failing the start.
     */
    public static Path directories(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (!isPosix(folder) || Files.getOwner(folder).getName().equals(System.getProperty("user.name"))) {
            restrict(folder, FOLDER);
        }
        return folder;
    }

    /** Makes a folder, every folder below it and every file in them owner-only (H2 creates its files with the umask). */
    public static void tree(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                restrict(path, Files.isDirectory(path) ? FOLDER : FILE);
            }
        }
    }

    /** A new temporary file in {@code folder} that only its owner can read, for writing whole and moving into place. */
    public static Path temporaryFile(Path folder, String prefix) throws IOException {
        if (isPosix(folder)) {
            return Files.createTempFile(folder, prefix, ".tmp", PosixFilePermissions.asFileAttribute(FILE));
        }
        return Files.createTempFile(folder, prefix, ".tmp", new FileAttribute<?>[0]);
    }

    /** Moves a finished temporary file over {@code target}, atomically where the file system can. */
    public static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes a properties file whole, owner-only from its first byte. */
    public static void writeProperties(Path file, Properties properties, String comment) throws IOException {
        Path temporary = temporaryFile(file.getParent(), file.getFileName().toString());
        try (Writer out = Files.newBufferedWriter(temporary)) {
            properties.store(out, comment);
        }
        moveIntoPlace(temporary, file);
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (isPosix(path) && !Files.isSymbolicLink(path)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
