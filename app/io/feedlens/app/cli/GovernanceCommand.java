package io.feedlens.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

import io.feedlens.app.DataFolder;
import io.feedlens.app.governance.Classification;
import io.feedlens.app.governance.ClusterGovernance;
import io.feedlens.app.governance.GovernanceStore;
import io.feedlens.app.governance.RetentionWords;
import io.feedlens.app.governance.TopicGovernance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code feedlens governance show|set|export|import}: a cluster's topic owners, classifications, required retentions
 * and notes, and (with {@code feedlens masking}) its masking rules, kept per cluster id in the data folder.
 */
@Command(name = "governance", mixinStandardHelpOptions = true,
        description = "Topic owners, classification, required retention and notes of a cluster; export and import them as a file.",
        subcommands = {GovernanceCommand.Show.class, GovernanceCommand.Set.class, GovernanceCommand.Export.class, GovernanceCommand.Import.class})
public final class GovernanceCommand extends CommandGroup {

    /** Connects to learn the cluster id (governance is kept per cluster), then runs the work on the cluster's file. */
    static int withGovernance(CommandSpec spec, ClusterOptions cluster, GovernanceWork work) {
        return LineageIndexAccess.withSession(spec, cluster.profile(),
                connected -> work.run(new GovernanceStore(DataFolder.path(), connected.overview().clusterId()), spec.commandLine().getOut()));
    }

    interface GovernanceWork {
        int run(GovernanceStore store, PrintWriter out) throws Exception;
    }

    static String line(String topic, TopicGovernance entry) {
        return String.format("%s  owner: %s  classification: %s  required retention: %s%s", topic,
                entry.owner() == null ? "—" : entry.owner(),
                entry.classification() == null ? "—" : entry.classification().words(),
                entry.requiredRetention() == null ? "—" : RetentionWords.of(entry.requiredRetention()),
                entry.notes() == null ? "" : "  notes: " + entry.notes());
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "What is recorded for every topic (or one).")
    static final class Show extends OnClusterGovernance {
        @Parameters(paramLabel = "TOPIC", arity = "0..1")
        String topic;

        @Override
        int run(GovernanceStore store, PrintWriter out) throws Exception {
            ClusterGovernance governance = store.load();
            if (topic != null) {
                out.println(line(topic, governance.topic(topic)));
                return 0;
            }
            if (governance.topics().isEmpty()) {
                out.println("Nothing recorded for this cluster yet (feedlens governance set TOPIC --owner …).");
            }
            for (Map.Entry<String, TopicGovernance> entry : governance.topics().entrySet()) {
                out.println(line(entry.getKey(), entry.getValue()));
            }
            return 0;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Record a topic's owner, classification, required retention or notes; "
            + "parts not given are kept.")
    static final class Set extends OnClusterGovernance {
        @Parameters(paramLabel = "TOPIC")
        String topic;

        @Option(names = "--owner", paramLabel = "TEAM", description = "Who owns the topic: a team, a person, an address.")
        String owner;

        @Option(names = "--classification", paramLabel = "KIND",
                description = "feeds-online-decisions, analytics-only or sensitive.")
        String classification;

        @Option(names = "--required-retention", paramLabel = "DURATION",
                description = "How long Kafka must keep the topic's records so decisions can be replayed, ISO-8601: P7D, PT36H.")
        String requiredRetention;

        @Option(names = "--notes", paramLabel = "TEXT", description = "Free text.")
        String notes;

        private TopicGovernance change;

        @Override
        void check() {
            change = new TopicGovernance(owner, classification == null ? null : Classification.parse(classification),
                    requiredRetention == null ? null : TopicGovernance.parseRetention(requiredRetention), notes);
        }

        @Override
        int run(GovernanceStore store, PrintWriter out) {
            ClusterGovernance saved = store.update(current -> current.withTopic(topic, change));
            out.println(line(topic, saved.topic(topic)));
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write the cluster's governance and masking rules to a file to share.")
    static final class Export extends OnClusterGovernance {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        int run(GovernanceStore store, PrintWriter out) throws Exception {
            store.exportTo(file);
            ClusterGovernance governance = store.load();
            out.printf("Wrote %s: %d topics, %d masking rules%n", file, governance.topics().size(), governance.masking().size());
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Read a shared governance file: its topic entries are laid over ours and its masking rules added (or, with --replace, it replaces ours).")
    static final class Import extends OnClusterGovernance {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--replace", description = "Replace what is recorded instead of merging.")
        boolean replace;

        @Override
        int run(GovernanceStore store, PrintWriter out) throws Exception {
            ClusterGovernance result = store.importFrom(file, replace);
            out.printf("Imported %s: now %d topics, %d masking rules%n", file, result.topics().size(), result.masking().size());
            return 0;
        }
    }
}
