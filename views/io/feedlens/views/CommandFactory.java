package io.feedlens.views;

import java.util.List;

import io.feedlens.app.cli.BenchCommand;
import io.feedlens.views.bench.StartupBenchmark;
import io.feedlens.views.bench.TraceScreenBenchmark;
import io.feedlens.views.messages.MessagesStallBenchmark;
import picocli.CommandLine;

/**
 * Makes FeedLens's commands; the one it changes is {@code bench}, which also gets the desktop's benchmarks (they
 * need JavaFX, which app/ must not see).
 */
final class CommandFactory implements CommandLine.IFactory {

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == BenchCommand.class) {
            return type.cast(new BenchCommand(bench -> List.of(new MessagesStallBenchmark(bench.records()), new TraceScreenBenchmark(bench.runs()),
                    new StartupBenchmark(bench.runs()))));
        }
        return CommandLine.defaultFactory().create(type);
    }
}
