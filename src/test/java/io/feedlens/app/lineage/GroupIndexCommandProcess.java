package io.feedlens.app.lineage;

import io.feedlens.app.cli.IndexCommand;
import picocli.CommandLine;

/** A separate JVM running {@code feedlens index} with the given arguments, for {@link GroupIndexProcessesTest}. */
public final class GroupIndexCommandProcess {

    private GroupIndexCommandProcess() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new IndexCommand()).execute(args));
    }
}
