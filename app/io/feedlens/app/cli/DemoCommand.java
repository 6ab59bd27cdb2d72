package io.feedlens.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.feedlens.app.DataFolder;
import io.feedlens.app.decode.ClusterDecoding;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.cluster.ClusterSession;
import io.feedlens.app.cluster.ConnectionProblem;
import io.feedlens.app.demo.DemoCluster;
import io.feedlens.app.demo.DemoTopics;
import io.feedlens.app.demo.FeedSpec;
import io.feedlens.app.demo.GeneratedFeed;
import io.feedlens.app.demo.GroundTruth;
import picocli.CommandLine.ParameterException;
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

    @Option(names = "--generate", paramLabel = "N", description = "Write a deterministic feed of N decisions, with their features and events.")
    Integer decisions;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the deterministic feed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start", paramLabel = "TIME",
            description = "Event time of the feed's first record (RFC 3339). Default: early enough that the whole feed lies in the past.")
    Instant start;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "The cluster to write the deterministic feed to.")
    String bootstrap;

    @Option(names = "--topic-prefix", defaultValue = "", description = "Prefix for the demo topic names (default none).")
    String topicPrefix;

    @Option(names = "--truth", paramLabel = "FILE", description = "Where to write the ground truth as JSON.")
    Path truth;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (headless && decisions == null) {
            return runHeadless();
        }
        if (decisions != null && !headless) {
            return generate();
        }
        throw new ParameterException(spec.commandLine(), "Say what to do: --headless, or --generate N --bootstrap HOST:PORT.");
    }

    private int generate() throws Exception {
        if (bootstrap == null) {
            throw new ParameterException(spec.commandLine(), "--generate needs --bootstrap HOST:PORT: the cluster to write to.");
        }
        if (decisions < 1) {
            throw new ParameterException(spec.commandLine(), "--generate needs at least one decision.");
        }
        DemoTopics topics = new DemoTopics(topicPrefix);
        Instant first = start != null ? start : FeedSpec.startEndingBefore(decisions, Instant.now());
        PrintWriter out = spec.commandLine().getOut();
        try (ClusterSession session = ClusterSession.connect(ClusterProfile.of(bootstrap, bootstrap)).join().session()) {
            topics.ensureExist(session.admin());
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println(ConnectionProblem.explain(bootstrap, e).getMessage());
            return 2;
        }
        GroundTruth written;
        try (var producer = GeneratedFeed.openProducer(bootstrap)) {
            written = GeneratedFeed.generate(new FeedSpec(decisions, seed, first, topics), producer);
        }
        if (truth != null) {
            written.writeTo(truth);
        }
        out.printf("Wrote %d decisions (seed %d, starting %s) to %s: %s%n", decisions, seed, first, bootstrap, written.recordsWritten());
        if (truth != null) {
            out.println("Ground truth in " + truth.toAbsolutePath());
        }
        out.flush();
        return 0;
    }

    private int runHeadless() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path folder = DataFolder.path().resolve("demo-cluster");
        DemoCluster demo = DemoCluster.start(folder, ClusterDecoding.schemaFolder(DataFolder.path()));
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
