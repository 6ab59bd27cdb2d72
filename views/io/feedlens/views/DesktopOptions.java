package io.feedlens.views;

import java.nio.file.Path;

/**
 * How the desktop app was asked to start. {@code screenshot} is null unless a picture was asked for;
 * {@code screen} is null for the first screen.
 */
public record DesktopOptions(boolean demo, Path screenshot, String screen, String trace) {

    public static DesktopOptions plain() {
        return new DesktopOptions(false, null, null, null);
    }
}
