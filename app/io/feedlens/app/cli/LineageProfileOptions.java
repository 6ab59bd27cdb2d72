package io.feedlens.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.feedlens.lineage.extract.LineageProfile;
import picocli.CommandLine.Option;

/** Which topics play which lineage role, and the views' TTLs; without options, the demo fraud feed's profile. */
public final class LineageProfileOptions {

    @Option(names = "--profile", paramLabel = "FILE", description = "A lineage profile file (JSON: topicRoles, valuePointers, ttls); other options add to it.")
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

    LineageProfile profile() {
        LineageProfile demo = LineageProfile.demo("");
        LineageProfile profile = file != null ? read(file) : events == null && features == null && decisions == null ? demo
                : LineageProfile.roles(orEmpty(events), orEmpty(features), orEmpty(decisions));
        if (file == null && profile != demo) { // topics named on the command line keep the demo views' TTLs
            for (var view : demo.ttls().keySet()) {
                profile = profile.withTtl(view, demo.ttls().get(view)).withValuePointer(view, demo.valueOf(view).toString());
            }
        }
        for (var ttl : ttls == null ? Map.<String, Duration>of().entrySet() : ttls.entrySet()) {
            profile = profile.withTtl(ttl.getKey(), ttl.getValue());
        }
        for (var pointer : valuePointers == null ? Map.<String, String>of().entrySet() : valuePointers.entrySet()) {
            profile = profile.withValuePointer(pointer.getKey(), pointer.getValue());
        }
        return profile;
    }

    private static LineageProfile read(Path file) {
        try {
            return LineageProfile.readFrom(file);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Cannot read the lineage profile " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> orEmpty(List<String> topics) {
        return topics == null ? List.of() : topics;
    }
}
