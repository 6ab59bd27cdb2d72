package io.feedlens.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.feedlens.app.governance.GovernanceStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A {@code feedlens governance …} or {@code feedlens masking …} subcommand: checks its arguments, connects to learn
 * the cluster id (governance is kept per cluster), then works on that cluster's file.
 */
abstract class OnClusterGovernance implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        try {
            check();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
        return GovernanceCommand.withGovernance(spec, cluster, this::run);
    }

    /** Reads the arguments before anything connects; an {@link IllegalArgumentException} says what is wrong with them. */
    void check() {
    }

    abstract int run(GovernanceStore store, PrintWriter out) throws Exception;
}
