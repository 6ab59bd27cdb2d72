package io.feedlens.views.messages;

/** How the Messages tab reads a topic. */
public enum BrowseMode {
    NEWEST("Newest N"),
    FROM_OFFSET("From offset"),
    FROM_TIME("From time"),
    BETWEEN_TIMES("Between times"),
    LIVE_TAIL("Live tail");

    private final String label;

    BrowseMode(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
