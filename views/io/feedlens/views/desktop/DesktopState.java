package io.feedlens.views.desktop;

import java.util.List;
import java.util.Map;

/**
 * What FeedLens keeps between runs: the theme, where the window was, the cluster it was connected to, the screen
 * shown, recent filters and traces, and the columns of the main tables. Null or missing parts mean "as new".
 */
public record DesktopState(String theme, WindowPlace window, String cluster, String screen, List<String> recentFilters,
        List<String> recentTraces, Map<String, List<ColumnLayout>> tables) {

    /** The window's place on screen, in the screen's coordinates. */
    public record WindowPlace(double x, double y, double width, double height, boolean maximized) {
    }

    /** One column of a table, in the order shown: its title and width. */
    public record ColumnLayout(String column, double width) {
    }

    public static DesktopState fresh() {
        return new DesktopState(null, null, null, null, List.of(), List.of(), Map.of());
    }

    public DesktopState {
        recentFilters = recentFilters == null ? List.of() : List.copyOf(recentFilters);
        recentTraces = recentTraces == null ? List.of() : List.copyOf(recentTraces);
        tables = tables == null ? Map.of() : Map.copyOf(tables);
    }
}
