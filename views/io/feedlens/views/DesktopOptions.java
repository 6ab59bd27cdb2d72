package io.feedlens.views;

import java.nio.file.Path;

/** How the desktop app was asked to start. {@code screenshot} is null unless a picture was asked for. */
public record DesktopOptions(boolean demo, Path screenshot) {

    public static DesktopOptions plain() {
        return new DesktopOptions(false, null);
    }
}
