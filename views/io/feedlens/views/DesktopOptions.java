package io.feedlens.views;

import java.nio.file.Path;

import io.feedlens.views.shell.Theme;

/**
 * How the desktop app was asked to start. {@code screenshot} is null unless a picture was asked for;
 * {@code screen} is null for the first screen; {@code theme} is null for the one kept from the last run.
 * {@code quitWhenShown} ends the app once the window is shown and every screen built: the training run of the
 * packaged app's class-data archive (packaging/build.sh), which should hold what a start-up loads.
 */
public record DesktopOptions(boolean demo, Path screenshot, String screen, String trace, Theme theme, boolean quitWhenShown) {

    public static DesktopOptions plain() {
        return new DesktopOptions(false, null, null, null, null, false);
    }
}
