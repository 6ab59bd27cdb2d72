package io.feedlens.views;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.feedlens.app.DataFolder;
import io.feedlens.app.FeedLensVersion;
import io.feedlens.app.cli.BenchCommand;
import io.feedlens.app.cli.ClusterCommand;
import io.feedlens.app.cli.DemoCommand;
import javafx.application.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code feedlens [--demo] [--screenshot FILE]} opens the window; the subcommands run headless. */
@Command(name = "feedlens", mixinStandardHelpOptions = true, versionProvider = FeedLensVersion.class,
        description = "FeedLens: a desktop workbench for live AI feature feeds on Kafka.",
        subcommands = {ClusterCommand.class, DemoCommand.class, BenchCommand.class})
public final class FeedLensCommand implements Callable<Integer> {

    @Option(names = "--demo", description = "Start the embedded demo cluster with its live feed and connect to it.")
    boolean demo;

    @Option(names = "--screenshot", paramLabel = "FILE",
            description = "Save a PNG of the window once the cluster overview shows, then quit (for docs and checks).")
    Path screenshot;

    @Option(names = DataFolder.FLAG, paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Where FeedLens keeps profiles, logs and the demo cluster (default ~/.local/share/feedlens, or $FEEDLENS_HOME).")
    Path dataDir;

    @Override
    public Integer call() {
        FeedLensApp.options = new DesktopOptions(demo, screenshot);
        Application.launch(FeedLensApp.class);
        return FeedLensApp.exitCode;
    }
}
