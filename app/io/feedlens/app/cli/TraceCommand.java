package io.feedlens.app.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.lineage.LineageIndexes;
import io.feedlens.lineage.extract.LineageProfile;
import io.feedlens.app.lineage.TraceText;
import io.feedlens.lineage.trace.Trace;
import io.feedlens.lineage.trace.Tracer;
import io.feedlens.app.DataFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code feedlens trace DECISION_ID --bootstrap … [--json]}: everything behind one decision, from the lineage index. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Trace a decision to the feature versions and source events it saw, with freshness and flags.")
public final class TraceCommand implements Callable<Integer> {

    /** The JSON writer, made on first use: picocli makes every command at start-up, and Jackson takes long to load. */
    static ObjectMapper jsonWriter() {
        return Json.MAPPER;
    }

    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Parameters(paramLabel = "DECISION_ID")
    String decisionId;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    IndexPasswordOption indexPassword;

    @Mixin
    LineageProfileOptions lineage;

    @Option(names = "--json", description = "Print the trace as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ClusterProfile profile = cluster.profile();
        LineageProfile lineageProfile = lineage.profileOrSay(profile, spec.commandLine().getErr());
        if (lineageProfile == null) {
            return 2;
        }
        return LineageIndexAccess.withIndex(spec, profile, indexPassword, (session, store) -> {
            Tracer tracer = LineageIndexes.tracerFor(DataFolder.path(), session.overview().join().clusterId(), session, store, lineageProfile);
            Optional<Trace> trace = tracer.trace(decisionId);
            if (trace.isEmpty()) {
                spec.commandLine().getErr().println("No decision " + decisionId + " in this cluster's lineage index (run feedlens index first).");
                return 1;
            }
            out.print(json ? jsonWriter().writeValueAsString(trace.get()) + "\n" : TraceText.of(trace.get()));
            return 0;
        });
    }
}
