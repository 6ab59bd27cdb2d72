package io.feedlens.views.shell;

import java.util.Map;

import javafx.scene.control.Labeled;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The icons on FeedLens's navigation and main buttons: Feather line icons drawn in the text's colour. */
public final class Icons {

    /** The navigation's icon for each screen, by title; a screen missing here shows its title alone. */
    private static final Map<String, Feather> SCREENS = Map.of(
            "Clusters", Feather.SERVER,
            "Topics", Feather.LAYERS,
            "Consumer groups", Feather.USERS,
            "Trace", Feather.GIT_MERGE,
            "Impact", Feather.TARGET,
            "Lineage index", Feather.DATABASE);

    private Icons() {
    }

    /** Puts the icon before the control's text; its colour follows the text's, so it suits both themes. */
    public static <T extends Labeled> T on(T control, Ikon icon) {
        FontIcon graphic = new FontIcon(icon);
        graphic.getStyleClass().add("action-icon");
        control.setGraphic(graphic);
        return control;
    }

    static void onScreenButton(Labeled button, String title) {
        Feather icon = SCREENS.get(title);
        if (icon != null) {
            on(button, icon);
        }
    }
}
