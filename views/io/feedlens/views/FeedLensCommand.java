package io.feedlens.views;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.feedlens.app.DataFolder;
import io.feedlens.app.FeedLensVersion;
import javafx.application.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code feedlens [--demo] [--screenshot FILE]} opens the window; the subcommands ({@link CommandFactory#HEADLESS}) run
 * headless.
 */
@Command(name = "feedlens", mixinStandardHelpOptions = true, versionProvider = FeedLensVersion.class,
        description = "FeedLens: a desktop workbench for live AI feature feeds on Kafka.")
public final class FeedLensCommand implements Callable<Integer> {

    @Option(names = "--demo", description = "Start the embedded demo cluster with its live feed and connect to it.")
    boolean demo;

    @Option(names = "--screenshot", paramLabel = "FILE",
            description = "Save a PNG of the window once the cluster overview shows, then quit (for docs and checks).")
    Path screenshot;

    @Option(names = "--screen", paramLabel = "TITLE", description = "Open this screen first, e.g. \"Topics\" (default: Clusters).")
    String screen;

    @Option(names = "--trace", paramLabel = "DECISION_ID",
            description = "Open the Trace screen on this decision, or on the first indexed one whose id starts with it (e.g. \"d-\").")
    String trace;

    @Option(names = "--theme", paramLabel = "LIGHT|DARK", converter = ThemeName.class,
            description = "Open in the light or dark theme (kept for later runs; default: the one used last).")
    io.feedlens.views.shell.Theme theme;

    /** Reads "dark" or "DARK"; anything else is refused with the choices. */
    static final class ThemeName implements picocli.CommandLine.ITypeConverter<io.feedlens.views.shell.Theme> {
        @Override
        public io.feedlens.views.shell.Theme convert(String value) {
            try {
                return io.feedlens.views.shell.Theme.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a theme: use light or dark");
            }
        }
    }

    @Option(names = "--quit-when-shown", hidden = true,
            description = "Quit once the window is shown and every screen built (the packaging's class-data training run).")
    boolean quitWhenShown;

    @Option(names = DataFolder.FLAG, paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Where FeedLens keeps profiles, logs and the demo cluster (default ~/.local/share/feedlens, or $FEEDLENS_HOME).")
    Path dataDir;

    /**
     * JavaFX warns "Unsupported JavaFX configuration" whenever it runs from the class path, which FeedLens does on
     * purpose (decision 0004). Held in a field: java.util.logging forgets the level of a logger nobody references.
     */
    private static final java.util.logging.Logger JAVAFX_STARTUP = java.util.logging.Logger.getLogger("com.sun.javafx.application.PlatformImpl");

    @Override
    public Integer call() {
        JAVAFX_STARTUP.setLevel(java.util.logging.Level.SEVERE);
        FeedLensApp.options = new DesktopOptions(demo, screenshot, screen, trace, theme, quitWhenShown);
        warmUpWhileJavaFxStarts(DataFolder.path());
        Application.launch(FeedLensApp.class);
        return FeedLensApp.exitCode;
    }

    /**
     * Does on the spare core, while JavaFX starts its toolkit, the first-time work the window would otherwise wait
     * for: setting up logging, and Jackson's first use (a few hundred ms of class loading) by the very readers the
     * window calls next, the profiles and the kept state. The window reads them again, by then in a few ms; the
     * results here are not needed. The FX thread never waits for these: a logger asked for while logging is being set
     * up stands in until it is (SLF4J), and a class another thread is loading is simply shared.
     */
    static void warmUpWhileJavaFxStarts(Path dataFolder) {
        io.feedlens.app.Background.run(org.slf4j.LoggerFactory::getILoggerFactory);
        io.feedlens.app.Background.run(() -> {
            new io.feedlens.app.profiles.ProfileStore(dataFolder).load();
            new io.feedlens.views.desktop.DesktopStateFile(dataFolder).load();
        });
    }
}
