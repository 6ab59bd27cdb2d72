package io.feedlens.views.desktop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code desktop-state.json} in the data folder. A file that cannot be read or parsed is ignored with a line in the
 * log: FeedLens then opens as new rather than not at all. Written whole to a temporary file and moved in place, so a
 * crash while saving leaves the previous state.
 */
public final class DesktopStateFile {

    public static final String NAME = "desktop-state.json";

    private static final Logger log = LoggerFactory.getLogger(DesktopStateFile.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public DesktopStateFile(Path dataFolder) {
        this.file = dataFolder.resolve(NAME);
    }

    public DesktopState load() {
        if (!Files.exists(file)) {
            return DesktopState.fresh();
        }
        try {
            DesktopState state = JSON.readValue(file.toFile(), DesktopState.class);
            return state == null ? DesktopState.fresh() : state;
        } catch (IOException | RuntimeException e) {
            log.warn("Ignoring the saved desktop state {}: it cannot be read ({})", file, e.getMessage());
            return DesktopState.fresh();
        }
    }

    /** Saves the state; a failure is logged, never thrown: losing the window's place must not stop FeedLens closing. */
    public void save(DesktopState state) {
        try {
            Files.createDirectories(file.getParent());
            Path written = Files.createTempFile(file.getParent(), NAME, ".tmp");
            JSON.writeValue(written.toFile(), state);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not save the desktop state to {}: {}", file, e.getMessage());
        }
    }
}
