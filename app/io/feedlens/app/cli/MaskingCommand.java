package io.feedlens.app.cli;

import java.io.PrintWriter;
import java.util.List;

import io.feedlens.app.governance.GovernanceStore;
import io.feedlens.app.governance.MaskAction;
import io.feedlens.app.governance.MaskRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code feedlens masking list|add|remove}: a cluster's masking rules (shared with {@code feedlens governance export|import}). */
@Command(name = "masking", mixinStandardHelpOptions = true,
        description = "Rules that mask, hash or remove parts of keys and values everywhere FeedLens shows or writes them.",
        subcommands = {MaskingCommand.ListRules.class, MaskingCommand.Add.class, MaskingCommand.Remove.class})
public final class MaskingCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The rules, numbered.")
    static final class ListRules extends OnClusterGovernance {
        @Override
        int run(GovernanceStore store, PrintWriter out) throws Exception {
            List<MaskRule> rules = store.load().masking();
            if (rules.isEmpty()) {
                out.println("No masking rules for this cluster.");
            }
            for (int i = 0; i < rules.size(); i++) {
                out.println((i + 1) + "  " + rules.get(i).describe());
            }
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a rule.")
    static final class Add extends OnClusterGovernance {
        @Option(names = "--topics", required = true, paramLabel = "GLOB", description = "Topics it applies to: a name, or a glob such as payments* or *.pii.")
        String topics;

        @Option(names = "--path", required = true, paramLabel = "JSONPATH",
                description = "What to mask: $ (all of it), $.card.number, $..email (at any depth), $.items[*].iban.")
        String path;

        @Option(names = "--action", required = true, paramLabel = "ACTION", description = "mask, hash or remove.")
        String action;

        @Option(names = "--part", paramLabel = "PART", defaultValue = "value",
                description = "value (default), key, or header (then --path names a header: $.ce_subject, or $ for all).")
        String part;

        private MaskRule rule;

        @Override
        void check() {
            rule = new MaskRule(topics, MaskRule.Part.parse(part), path, MaskAction.parse(action));
        }

        @Override
        int run(GovernanceStore store, PrintWriter out) {
            store.update(current -> current.withRule(rule));
            out.println("Added: " + rule.describe());
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove the rule with this number (as masking list shows).")
    static final class Remove extends OnClusterGovernance {
        @Parameters(paramLabel = "N")
        int number;

        @Override
        int run(GovernanceStore store, PrintWriter out) throws Exception {
            store.update(current -> current.withoutRule(number));
            out.println("Removed rule " + number);
            return 0;
        }
    }
}
