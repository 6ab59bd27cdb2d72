package io.feedlens.app.export;

/** The file kinds records are exported to. */
public enum ExportFormat {
    /** One {@link RecordJson} object per line: everything a record has, for tools. */
    JSON_LINES("JSON Lines", "jsonl"),
    /** One row per record with its coordinates and compact key and value: for spreadsheets. */
    CSV("CSV", "csv");

    private final String label;
    private final String extension;

    ExportFormat(String label, String extension) {
        this.label = label;
        this.extension = extension;
    }

    public String label() {
        return label;
    }

    public String extension() {
        return extension;
    }

    @Override
    public String toString() {
        return label;
    }
}
