package io.feedlens.app.lineage;

import java.util.Map;

/**
 * Where the lineage index's password comes from: an environment variable, never a flag's value or a file, so it is
 * in no shell history, process list or profile. {@code FEEDLENS_INDEX_PASSWORD} unless a command names another.
 */
public final class IndexPassword {

    public static final String DEFAULT_VARIABLE = "FEEDLENS_INDEX_PASSWORD";

    private IndexPassword() {
    }

    /** The password in {@link #DEFAULT_VARIABLE}; null (a plain index) when it is not set. */
    public static char[] fromEnvironment() {
        return fromEnvironment(System.getenv(), null);
    }

    /**
     * The password in {@code variable}, which must then be set; without a variable named, the one in
     * {@link #DEFAULT_VARIABLE}, or null when that is not set either.
     */
    public static char[] fromEnvironment(Map<String, String> environment, String variable) {
        String value = environment.get(variable != null ? variable : DEFAULT_VARIABLE);
        if (variable != null && (value == null || value.isEmpty())) {
            throw new IllegalArgumentException("The environment variable " + variable + " that should hold the index password is not set");
        }
        return value == null || value.isEmpty() ? null : value.toCharArray();
    }
}
