package io.feedlens.app.export;

import java.nio.file.Path;

/** How an export ended: the file, how many records it holds, whether someone cancelled, and why it failed (null when it did not). */
public record ExportResult(Path file, long written, boolean cancelled, String problem) {

    public boolean complete() {
        return !cancelled && problem == null;
    }
}
