package io.feedlens.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where FeedLens keeps what it writes: profiles, the log, the demo cluster's data, lineage indexes.
 *
 * <p>The XDG data folder ({@code ~/.local/share/feedlens}) unless the {@code FEEDLENS_HOME} environment
 * variable, the {@code feedlens.home} system property or the {@code --data-dir} flag says otherwise.
 * Tests set the system property so they never touch a real user's folder.
 */
public final class DataFolder {

    public static final String PROPERTY = "feedlens.home";
    public static final String ENVIRONMENT = "FEEDLENS_HOME";
    public static final String FLAG = "--data-dir";

    private DataFolder() {
    }

    /**
     * Settles the data folder before anything logs: the log file lives there, so this runs first in main.
     * A {@code --data-dir DIR} or {@code --data-dir=DIR} anywhere in the arguments wins.
     */
    public static Path configure(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(FLAG) && i + 1 < args.length) {
                System.setProperty(PROPERTY, args[i + 1]);
            } else if (args[i].startsWith(FLAG + "=")) {
                System.setProperty(PROPERTY, args[i].substring(FLAG.length() + 1));
            }
        }
        Path folder = resolve(System.getenv());
        System.setProperty(PROPERTY, folder.toString());
        try {
            // Owner-only before the first log line: the log and everything else here is the user's alone.
            OwnerOnly.directories(folder.resolve("logs"));
            OwnerOnly.directories(folder);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create the FeedLens data folder " + folder + ": " + e.getMessage(), e);
        }
        return folder;
    }

    /** The folder in use, created owner-only if missing. */
    public static Path path() {
        Path folder = resolve(System.getenv());
        try {
            OwnerOnly.directories(folder);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create the FeedLens data folder " + folder + ": " + e.getMessage(), e);
        }
        return folder;
    }

    static Path resolve(Map<String, String> environment) {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath();
        }
        String variable = environment.get(ENVIRONMENT);
        if (variable != null && !variable.isBlank()) {
            return Path.of(variable).toAbsolutePath();
        }
        String xdg = environment.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("feedlens").toAbsolutePath();
    }
}
