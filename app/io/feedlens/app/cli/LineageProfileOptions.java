package io.feedlens.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.lineage.extract.LineageProfile;
import io.feedlens.lineage.extract.ProfileFile;
import picocli.CommandLine.Option;

/**
 * Which topics play which lineage role, where their facts are, and the views' TTLs; without options, the profile saved
 * with the cluster's connection, else the demo fraud feed's.
 */
public final class LineageProfileOptions {

    @Option(names = "--profile", paramLabel = "FILE", description = "A lineage profile file (JSON: topicRoles, facts, valuePointers, ttls; see README); --ttl and --value-pointer add to it.")
    Path file;

    @Option(names = "--events", split = ",", paramLabel = "TOPIC", description = "Topics of events (default: the demo's payments).")
    List<String> events;

    @Option(names = "--features", split = ",", paramLabel = "TOPIC", description = "Topics of feature records (default: the demo's).")
    List<String> features;

    @Option(names = "--decisions", split = ",", paramLabel = "TOPIC", description = "Topics of decisions (default: decisions.fraud).")
    List<String> decisions;

    @Option(names = "--ttl", paramLabel = "VIEW=DURATION", description = "A feature view's TTL, ISO-8601 (e.g. txn_velocity_5m=PT10M).")
    Map<String, Duration> ttls;

    @Option(names = "--value-pointer", paramLabel = "VIEW=POINTER", description = "JSON pointer of a view's value (default /value).")
    Map<String, String> valuePointers;

    /**
     * The profile these options name: a file wins, then topics named here, then the one saved with the cluster's
     * connection profile, then the demo feed's. TTLs and value pointers given here add to any of them.
     */
    LineageProfile profile(ClusterProfile cluster) {
        LineageProfile demo = LineageProfile.demo("");
        boolean topicsNamed = events != null || features != null || decisions != null;
        LineageProfile profile;
        if (file != null) {
            profile = read(file);
        } else if (topicsNamed) {
            profile = LineageProfile.roles(orEmpty(events), orEmpty(features), orEmpty(decisions));
            for (var view : demo.ttls().keySet()) { // topics named on the command line keep the demo views' TTLs
                profile = profile.withTtl(view, demo.ttls().get(view)).withValuePointer(view, demo.valueOf(view).toString());
            }
        } else {
            profile = cluster.lineage() != null ? cluster.lineage() : demo;
        }
        for (var ttl : ttls == null ? Map.<String, Duration>of().entrySet() : ttls.entrySet()) {
            profile = profile.withTtl(ttl.getKey(), ttl.getValue());
        }
        for (var pointer : valuePointers == null ? Map.<String, String>of().entrySet() : valuePointers.entrySet()) {
            profile = profile.withValuePointer(pointer.getKey(), pointer.getValue());
        }
        return profile;
    }

    /**
     * As {@link #profile}, called before anything connects: a mistake in the file is told on one line (its place and
     * what is wrong, without the usage text burying it) and gives null; the command then exits with 2.
     */
    LineageProfile profileOrSay(ClusterProfile cluster, PrintWriter err) {
        try {
            return profile(cluster);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return null;
        }
    }

    private static LineageProfile read(Path file) {
        try {
            return LineageProfile.readFrom(file);
        } catch (java.io.IOException e) {
            // ProfileFile's problems already name the file, the place in it and the mistake.
            throw new IllegalArgumentException(e instanceof ProfileFile.Problem ? e.getMessage()
                    : "Cannot read the lineage profile " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> orEmpty(List<String> topics) {
        return topics == null ? List.of() : topics;
    }
}
