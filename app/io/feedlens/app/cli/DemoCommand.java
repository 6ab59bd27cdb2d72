package io.feedlens.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.feedlens.app.DataFolder;
import io.feedlens.app.demo.DemoCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code feedlens demo --headless}: the embedded demo cluster with its live feed, without a window.
 * The bootstrap address is the first line on stdout, so scripts can read it; Ctrl-C or SIGTERM stops it cleanly.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the embedded demo cluster with its live fraud-scoring feed, or write a deterministic feed to a cluster.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--headless", description = "Start the embedded broker and the live feed; print the bootstrap address; run until stopped.")
    boolean headless;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (headless) {
            return runHeadless();
        }
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Say what to do: --headless, or --generate N.");
    }

    private int runHeadless() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path folder = DataFolder.path().resolve("demo-cluster");
        DemoCluster demo = DemoCluster.start(folder);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.close();
            stopped.countDown();
        }, "feedlens-demo-shutdown"));
        out.println(demo.bootstrapServers());
        out.println("Demo cluster running with its live feed (data in " + folder + "). Ctrl-C stops it.");
        out.flush();
        stopped.await();
        return 0;
    }
}
