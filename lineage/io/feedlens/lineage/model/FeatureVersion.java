package io.feedlens.lineage.model;

import java.util.Objects;

/** One definition version of a feature view, written {@code view@version} on the command line. */
public record FeatureVersion(String view, int version) {

    public FeatureVersion {
        Objects.requireNonNull(view, "view");
        if (view.isBlank()) {
            throw new IllegalArgumentException("A feature view needs a name");
        }
    }

    /** Reads {@code txn_velocity_5m@4}. */
    public static FeatureVersion parse(String text) {
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw new IllegalArgumentException("Expected VIEW@VERSION, e.g. txn_velocity_5m@4, got '" + text + "'");
        }
        try {
            return new FeatureVersion(text.substring(0, at), Integer.parseInt(text.substring(at + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The version after '@' must be a whole number, got '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return view + "@" + version;
    }
}
