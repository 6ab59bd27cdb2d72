package io.feedlens.views.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/**
 * FeedLens's two looks, AtlantaFX's Primer light and dark (decision 0004). FeedLens's own style sheets only use the
 * theme's colour variables ({@code -color-fg-default}, {@code -color-accent-emphasis}…), so they follow the switch.
 */
public enum Theme {
    LIGHT("Light", new PrimerLight().getUserAgentStylesheet()),
    DARK("Dark", new PrimerDark().getUserAgentStylesheet());

    private final String word;
    private final String stylesheet;

    Theme(String word, String stylesheet) {
        this.word = word;
        this.stylesheet = stylesheet;
    }

    /** Sets this theme for every window of the application. Call on the FX thread. */
    public void apply() {
        Application.setUserAgentStylesheet(stylesheet);
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    public String word() {
        return word;
    }
}
