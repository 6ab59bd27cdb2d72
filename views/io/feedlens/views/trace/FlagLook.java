package io.feedlens.views.trace;

import java.util.Collection;
import java.util.Locale;

import io.feedlens.app.report.FlagWords;
import io.feedlens.lineage.trace.TraceFlag;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;

/**
 * How a flag looks on screen: the audit report's symbol and word ({@link FlagWords}) with a colour — never colour
 * alone, so it reads in black and white, on a projector and for people who don't tell red from green. The tooltip
 * says what the flag means, in the report's words.
 */
final class FlagLook {

    private FlagLook() {
    }

    static String styleClass(TraceFlag flag) {
        return "flag-" + flag.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Label badge(TraceFlag flag) {
        FlagWords words = FlagWords.of(flag);
        Label badge = new Label(words.label());
        badge.getStyleClass().addAll("flag", styleClass(flag));
        LazyTooltip.install(badge, words::meaning);
        return badge;
    }

    /** Badges for these flags in the order of {@link TraceFlag}, wrapping when they don't fit. */
    static FlowPane badges(Collection<TraceFlag> flags) {
        FlowPane row = new FlowPane(4, 2);
        row.getStyleClass().add("flags");
        flags.stream().sorted().map(FlagLook::badge).forEach(row.getChildren()::add);
        return row;
    }
}
