package io.feedlens.app.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.groups.OffsetResets;
import io.feedlens.app.groups.PartitionMove;
import io.feedlens.app.groups.ResetPlan;
import io.feedlens.app.groups.ResetTarget;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code feedlens groups reset GROUP --bootstrap … --topic T (--to-earliest | …) (--dry-run | --execute)}.
 * The dry run is always computed and printed first; {@code --execute} then applies exactly that plan and counts as
 * the explicit consent to write that a desktop connection gives by being marked writable.
 */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = "Reset a group's offsets on a topic for replay or rollback; the group must have no active members.")
public final class GroupsResetCommand implements Callable<Integer> {

    @Parameters(paramLabel = "GROUP", description = "The consumer group.")
    String groupId;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "The topic whose offsets move.")
    String topic;

    @Option(names = "--partitions", split = ",", paramLabel = "N", description = "Only these partitions (default: all).")
    List<Integer> partitions = List.of();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    @Spec
    CommandSpec spec;

    static final class Target {
        @Option(names = "--to-earliest", description = "To the oldest record still kept.")
        boolean earliest;
        @Option(names = "--to-latest", description = "To the end, skipping what is not consumed yet.")
        boolean latest;
        @Option(names = "--to-datetime", paramLabel = "TIME",
                description = "To the first record at or after TIME: 2026-11-26T10:00:00Z, with an offset, or local time.")
        String datetime;
        @Option(names = "--to-offset", paramLabel = "N", description = "To offset N on each chosen partition.")
        Long offset;
        @Option(names = "--shift-by", paramLabel = "N", description = "Forward (N > 0) or back (N < 0) by N records.")
        Long shift;
    }

    static final class Mode {
        @Option(names = "--dry-run", description = "Only show what would move; nothing changes.")
        boolean dryRun;
        @Option(names = "--execute", description = "Show the dry run, then apply it.")
        boolean execute;
    }

    @Override
    public Integer call() {
        ResetTarget resetTarget;
        try {
            resetTarget = resetTarget();
        } catch (DateTimeParseException e) {
            spec.commandLine().getErr().println("'" + target.datetime + "' is not a date and time; write it like 2026-11-26T10:00:00Z.");
            return 2;
        }
        // --execute is consent for a cluster named by address; a saved profile keeps its own read-only or writable mark.
        ClusterProfile profile = mode.execute && !cluster.isSavedProfile() ? cluster.profile().withWritable(true) : cluster.profile();
        return GroupsCommand.withSession(spec, profile, session -> {
            try (OffsetResets resets = new OffsetResets(session.admin(), profile)) {
                PrintWriter out = spec.commandLine().getOut();
                ResetPlan plan = resets.dryRunNow(groupId, topic, resetTarget, partitions);
                print(out, plan, mode.execute);
                if (mode.execute) {
                    resets.executeNow(plan);
                    out.printf("Done: the offsets of '%s' on %s moved as shown.%n", groupId, topic);
                }
                return 0;
            }
        });
    }

    private ResetTarget resetTarget() {
        if (target.earliest) {
            return new ResetTarget.ToEarliest();
        }
        if (target.latest) {
            return new ResetTarget.ToLatest();
        }
        if (target.datetime != null) {
            return new ResetTarget.ToDatetime(parseTime(target.datetime));
        }
        if (target.offset != null) {
            return new ResetTarget.ToOffset(target.offset);
        }
        return new ResetTarget.ShiftBy(target.shift);
    }

    static Instant parseTime(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            return LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant();
        }
    }

    private static void print(PrintWriter out, ResetPlan plan, boolean execute) {
        out.printf("%s: reset '%s' on %s %s%s%n", execute ? "Plan" : "Dry run", plan.groupId(), plan.topic(),
                plan.target().describe(), execute ? "" : " (nothing changed)");
        out.printf("%-9s %14s %14s %20s %-20s %-20s %s%n", "PARTITION", "CURRENT-OFFSET", "NEW-OFFSET", "RECORDS", "FROM", "TO", "NOTE");
        for (PartitionMove move : plan.moves()) {
            out.printf("%-9d %14s %14d %20s %-20s %-20s %s%n", move.partition().partition(), GroupsText.value(move.currentOffset()),
                    move.newOffset(), records(move.records()), GroupsText.time(move.spanFrom()), GroupsText.time(move.spanTo()),
                    move.note() == null ? "" : move.note());
        }
        out.printf("In all: %d records to read again, %d skipped.%n", plan.recordsReread(), plan.recordsSkipped());
    }

    private static String records(Long records) {
        if (records == null) {
            return "-";
        }
        return records >= 0 ? records + " re-read" : -records + " skipped";
    }
}
