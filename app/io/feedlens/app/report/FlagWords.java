package io.feedlens.app.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.feedlens.lineage.trace.TraceFlag;

/**
 * A trace flag as a reviewer reads it: a symbol that survives black-and-white printing, a word, and what it means in
 * plain language. The report never shows a flag by colour alone, and the Trace screen takes the same words. The
 * symbols are ones DejaVu Sans draws (the font Debian desktops and Chromium fall back to), so none prints as a box.
 */
public record FlagWords(TraceFlag flag, String symbol, String word, String meaning) {

    public static FlagWords of(TraceFlag flag) {
        return switch (flag) {
            case STALE -> new FlagWords(flag, "◷", "stale",
                    "The feature value was older than the longest age its definition allows (its time to live) when the decision was made.");
            case MISMATCH -> new FlagWords(flag, "≠", "mismatch",
                    "The value the model recorded differs from the stored feature record, or a lookup of the latest value at decision "
                            + "time would have picked a different record.");
            case MISSING -> new FlagWords(flag, "∅", "missing",
                    "The decision or a feature refers to a record that FeedLens never found in the data it read.");
            case NOT_REPLAYABLE -> new FlagWords(flag, "⊘", "not replayable",
                    "Kafka no longer keeps this record (its retention period has passed), so it cannot be read again.");
            case FLAGGED_VERSION -> new FlagWords(flag, "⚑", "flagged version",
                    "A person marked this version of the feature's definition as wrong.");
            case INFERRED -> new FlagWords(flag, "≈", "inferred",
                    "The decision did not record which feature values it used; FeedLens worked this link out from times and "
                            + "keys. It is an estimate, not a recorded fact.");
            case ANALYTICS_ONLY_INPUT -> new FlagWords(flag, "⚠", "analytics-only input",
                    "This value comes from data its owners marked as for analytics only: it was not meant to feed live decisions.");
            case REPLAY_AT_RISK -> new FlagWords(flag, "◔", "replay at risk",
                    "Kafka keeps this data for less time than its owners require, so the decision may soon not be checkable again.");
        };
    }

    public static List<FlagWords> legend() {
        return Arrays.stream(TraceFlag.values()).map(FlagWords::of).toList();
    }

    /** "≠ mismatch": the symbol and the word together. */
    public String label() {
        return symbol + " " + word;
    }

    /** The flag's name in the JSON file: {@code not_replayable}. */
    public String code() {
        return flag.name().toLowerCase(Locale.ROOT);
    }
}
