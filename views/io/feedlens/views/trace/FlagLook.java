package io.feedlens.views.trace;

import java.util.Collection;
import java.util.Locale;

import io.feedlens.lineage.trace.TraceFlag;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/**
 * How a flag looks: a shape, a word and a colour together — never colour alone, so it reads in black and white, on
 * a projector and for people who don't tell red from green. The tooltip says what the flag means.
 */
enum FlagLook {
    STALE(TraceFlag.STALE, "◷", "stale", "Older than its feature view's TTL when the decision was made."),
    MISMATCH(TraceFlag.MISMATCH, "≠", "mismatch", "The value the decision logged differs from the feature record, or the as-of join would pick another record."),
    MISSING(TraceFlag.MISSING, "∅", "missing", "The decision names a record that was never indexed."),
    NOT_REPLAYABLE(TraceFlag.NOT_REPLAYABLE, "✂", "not replayable", "The record has left Kafka's retention: it cannot be read or replayed."),
    FLAGGED_VERSION(TraceFlag.FLAGGED_VERSION, "⚑", "flagged version", "A person marked this feature view version as wrong."),
    INFERRED(TraceFlag.INFERRED, "≈", "inferred", "Linked by the as-of join, not by the decision's own used list."),
    ANALYTICS_ONLY_INPUT(TraceFlag.ANALYTICS_ONLY_INPUT, "⚠", "analytics-only input",
            "Read from, or derived from, a topic its owners classified as analytics only: not meant to feed online decisions."),
    REPLAY_AT_RISK(TraceFlag.REPLAY_AT_RISK, "⌛", "replay at risk",
            "The topic keeps records for less than its required retention: the decision may soon not be replayable.");

    private final TraceFlag flag;
    private final String symbol;
    private final String word;
    private final String meaning;

    FlagLook(TraceFlag flag, String symbol, String word, String meaning) {
        this.flag = flag;
        this.symbol = symbol;
        this.word = word;
        this.meaning = meaning;
    }

    static FlagLook of(TraceFlag flag) {
        return valueOf(flag.name());
    }

    String text() {
        return symbol + " " + word;
    }

    String meaning() {
        return meaning;
    }

    String styleClass() {
        return "flag-" + flag.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    Label badge() {
        Label badge = new Label(text());
        badge.getStyleClass().addAll("flag", styleClass());
        badge.setTooltip(new Tooltip(meaning));
        return badge;
    }

    /** Badges for these flags in the order of {@link TraceFlag}, wrapping when they don't fit. */
    static FlowPane badges(Collection<TraceFlag> flags) {
        FlowPane row = new FlowPane(4, 2);
        row.getStyleClass().add("flags");
        flags.stream().sorted().map(FlagLook::of).map(FlagLook::badge).forEach(row.getChildren()::add);
        return row;
    }
}
