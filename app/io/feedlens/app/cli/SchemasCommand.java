package io.feedlens.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.feedlens.app.DataFolder;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.cluster.ConnectionProblem;
import io.feedlens.app.decode.ClusterDecoding;
import io.feedlens.app.decode.Decoded;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.decode.drift.DriftReport;
import io.feedlens.app.decode.drift.SchemaChange;
import io.feedlens.app.decode.drift.SchemaDrift;
import io.feedlens.app.decode.drift.SchemaSighting;
import io.feedlens.app.scan.TopicReader;
import io.feedlens.lineage.RecordCoordinates;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code feedlens schemas TOPIC --bootstrap …}: the schemas a topic's records carried, in order, and how each change fits. */
@Command(name = "schemas", mixinStandardHelpOptions = true,
        description = "Report the schema drift of a topic: every schema seen, when, and whether each change is backward compatible.")
public final class SchemasCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TOPIC", description = "The topic to read, from its earliest record to its end now.")
    String topic;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--schemas", paramLabel = "DIR",
            description = "Folder of local .avsc files for single-object Avro (default: the schemas folder in the data folder).")
    Path localSchemas;

    @Option(names = "--keys", description = "Report the keys' schemas instead of the values'.")
    boolean keys;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ClusterProfile profile = cluster.profile();
        RecordDecoder decoder = ClusterDecoding.decoderFor(profile,
                localSchemas != null ? localSchemas : ClusterDecoding.schemaFolder(DataFolder.path()),
                // Drift reports field names, types and coordinates, never values; a removed field must still count.
                io.feedlens.app.decode.ValueMask.NONE);
        SchemaDrift drift = new SchemaDrift(topic, keys, decoder::schemaFor);
        try {
            TopicReader.readAll(profile.clientConfig(), java.util.List.of(topic), record -> {
                Decoded decoded = keys ? decoder.decodeKey(topic, record.key(), record.headers())
                        : decoder.decodeValue(topic, record.value(), record.headers());
                drift.observe(new RecordCoordinates(record.topic(), record.partition(), record.offset()),
                        Instant.ofEpochMilli(record.timestamp()), decoded);
            });
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println(problem(profile, e));
            return 2;
        }
        DriftReport report = drift.report();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else {
            DriftText.print(report, out);
        }
        out.flush();
        return 0;
    }

    private String problem(ClusterProfile profile, RuntimeException e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof UnknownTopicOrPartitionException || String.valueOf(cause.getMessage()).contains("does not exist")) {
                return "Topic '" + topic + "' does not exist on " + profile.bootstrapServers() + ".";
            }
            cause = cause.getCause();
        }
        return ConnectionProblem.explain(profile.bootstrapServers(), e).getMessage();
    }

    /** The report as people read it in a terminal. */
    static final class DriftText {

        private DriftText() {
        }

        static void print(DriftReport report, PrintWriter out) {
            out.printf("%s — %s: %,d records, %d schema%s, %,d did not decode%n%n", report.topic(), report.keys() ? "keys" : "values",
                    report.records(), report.schemas().size(), report.schemas().size() == 1 ? "" : "s", report.undecoded());
            for (SchemaSighting s : report.schemas()) {
                out.printf("#%d  %-22s %s  %,d records%n", s.number(), s.format().label(), s.schema(), s.records());
                out.printf("    first  %-32s %s%n", s.first(), s.firstTime());
                out.printf("    last   %-32s %s%n", s.last(), s.lastTime());
                if (s.format() == io.feedlens.app.decode.Format.JSON) {
                    out.println("    fields " + String.join(", ", s.fieldPaths().entrySet().stream()
                            .map(path -> path.getKey() + ":" + path.getValue()).toList()));
                }
            }
            if (!report.changes().isEmpty()) {
                out.println();
                out.println("Changes");
            }
            for (SchemaChange change : report.changes()) {
                out.printf("#%d → #%d  %s%n", change.from(), change.to(), change.backwardCompatible() ? "backward compatible" : "NOT backward compatible");
                change.details().forEach(detail -> out.println("    " + detail));
            }
            if (report.undecoded() > 0) {
                out.printf("%nDid not decode (%,d; the first %d shown)%n", report.undecoded(), report.undecodedSamples().size());
                report.undecodedSamples().forEach(u -> out.printf("    %-32s %s%n", u.coordinates(), u.reason()));
            }
        }
    }
}
