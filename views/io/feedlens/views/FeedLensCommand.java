package io.feedlens.views;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.feedlens.app.DataFolder;
import io.feedlens.app.FeedLensVersion;
import io.feedlens.app.cli.AclsCommand;
import io.feedlens.app.cli.BenchCommand;
import io.feedlens.app.cli.ClusterCommand;
import io.feedlens.app.cli.DemoCommand;
import io.feedlens.app.cli.GovernanceCommand;
import io.feedlens.app.cli.GroupsCommand;
import io.feedlens.app.cli.ImpactCommand;
import io.feedlens.app.cli.IndexCommand;
import io.feedlens.app.cli.LineageCommand;
import io.feedlens.app.cli.MaskingCommand;
import io.feedlens.app.cli.ReportCommand;
import io.feedlens.app.cli.ProfilesCommand;
import io.feedlens.app.cli.SchemasCommand;
import io.feedlens.app.cli.SearchCommand;
import io.feedlens.app.cli.TraceCommand;
import io.feedlens.app.cli.VerifyCommand;
import javafx.application.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code feedlens [--demo] [--screenshot FILE]} opens the window; the subcommands run headless. */
@Command(name = "feedlens", mixinStandardHelpOptions = true, versionProvider = FeedLensVersion.class,
        description = "FeedLens: a desktop workbench for live AI feature feeds on Kafka.",
        subcommands = {ClusterCommand.class, SearchCommand.class, SchemasCommand.class, GroupsCommand.class, DemoCommand.class, BenchCommand.class,
                IndexCommand.class, TraceCommand.class, ImpactCommand.class, LineageCommand.class, ReportCommand.class,
                VerifyCommand.class, AclsCommand.class, ProfilesCommand.class, GovernanceCommand.class, MaskingCommand.class})
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
        FeedLensApp.options = new DesktopOptions(demo, screenshot, screen, trace, theme);
        // Reading the kept state loads Jackson (a few hundred ms of class loading) on another core while JavaFX starts;
        // the window then reads the profiles and the state with Jackson ready. The result here is not needed.
        io.feedlens.app.Background.run(() -> new io.feedlens.views.desktop.DesktopStateFile(DataFolder.path()).load());
        Application.launch(FeedLensApp.class);
        return FeedLensApp.exitCode;
    }
}
