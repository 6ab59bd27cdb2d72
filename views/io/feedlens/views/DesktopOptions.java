package io.feedlens.views;

import java.nio.file.Path;

import io.feedlens.views.shell.Theme;

/**
 * How the desktop app was asked to start. {@code screenshot} is null unless a picture was asked for;
 * {@code screen} is null for the first screen; {@code theme} is null for the one kept from the last run.
 */
public record DesktopOptions(boolean demo, Path screenshot, String screen, String trace, Theme theme) {

    public static DesktopOptions plain() {
        return new DesktopOptions(false, null, null, null, null);
    }
}
