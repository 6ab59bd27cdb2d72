package io.feedlens.app.scan;

/**
 * How a scan ended: its final figures, whether someone cancelled it, and — when it could not finish — why,
 * in words ({@code problem} is null when it read everything it was asked to). Matches found before a problem stay valid.
 */
public record ScanSummary(ScanProgress figures, boolean cancelled, String problem) {

    public boolean complete() {
        return !cancelled && problem == null;
    }
}
