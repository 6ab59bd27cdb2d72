package io.feedlens.app.lineage;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.trace.ImpactReport;
import io.feedlens.lineage.trace.Trace;
import io.feedlens.lineage.trace.TraceEvent;
import io.feedlens.lineage.trace.TraceFlag;
import io.feedlens.lineage.trace.TraceInput;

/** A trace or an impact report as a readable tree for the terminal. */
public final class TraceText {

    private TraceText() {
    }

    public static String of(Trace trace) {
        StringBuilder text = new StringBuilder();
        text.append("Decision ").append(trace.decisionId()).append(" · ").append(trace.modelId()).append(' ').append(trace.modelVersion())
                .append(" · ").append(trace.entity()).append(" · ").append(trace.decidedAt()).append('\n');
        text.append("  at ").append(coordinates(trace.copies())).append('\n');
        for (int i = 0; i < trace.inputs().size(); i++) {
            boolean last = i == trace.inputs().size() - 1;
            input(text, trace.inputs().get(i), last ? "  └─ " : "  ├─ ", last ? "     " : "  │  ");
        }
        text.append(trace.flags().isEmpty() ? "No flags." : "Flags: " + flags(trace.flags().stream().sorted().toList())).append('\n');
        return text.toString();
    }

    private static void input(StringBuilder text, TraceInput input, String first, String indent) {
        text.append(first).append(input.inferred() ? "inferred " : "").append(input.feature() == null ? input.reference() : input.feature())
                .append("  ").append(input.featureId() == null ? "" : input.featureId());
        if (input.valueText() != null) {
            text.append("  value ").append(input.valueText());
        }
        if (input.loggedValueText() != null) {
            text.append(" (logged ").append(input.loggedValueText()).append(input.loggedStatusText() == null ? "" : ", " + input.loggedStatusText()).append(')');
        }
        if (input.freshness() != null) {
            text.append("  as of ").append(input.asOf()).append(", ").append(age(input.freshness())).append(" old");
        }
        text.append(input.flags().isEmpty() ? "" : "  [" + flags(input.flags().stream().sorted().toList()) + "]").append('\n');
        if (!input.copies().isEmpty()) {
            text.append(indent).append("at ").append(coordinates(input.copies()))
                    .append(String.format(Locale.ROOT, " · content %016x", input.contentHash())).append('\n');
        }
        input.notes().forEach(note -> text.append(indent).append("! ").append(note).append('\n'));
        for (TraceEvent event : input.events()) {
            text.append(indent).append("└─ event ").append(event.id() == null ? event.reference() : event.id());
            if (event.time() != null) {
                text.append(" · ").append(event.time()).append(" · ").append(age(event.toFeature())).append(" before the feature · at ")
                        .append(coordinates(event.copies()));
            }
            text.append(event.flags().isEmpty() ? "" : "  [" + flags(event.flags().stream().sorted().toList()) + "]").append('\n');
            event.notes().forEach(note -> text.append(indent).append("   ! ").append(note).append('\n'));
        }
    }

    public static String of(ImpactReport impact) {
        StringBuilder text = new StringBuilder();
        text.append(impact.subject()).append(": ").append(String.format(Locale.ROOT, "%,d", impact.decisions())).append(" decisions");
        if (impact.first() != null) {
            text.append(" from ").append(impact.first()).append(" to ").append(impact.last());
        }
        text.append('\n');
        if (impact.flagReason() != null) {
            text.append("  flagged: ").append(impact.flagReason()).append('\n');
        }
        impact.byModelVersion().forEach(use -> text.append(String.format(Locale.ROOT, "  %s %s: %,d decisions, %s – %s%n",
                use.modelId(), use.modelVersion(), use.decisions(), use.first(), use.last())));
        return text.toString();
    }

    private static String coordinates(List<RecordCoordinates> copies) {
        String all = copies.stream().map(RecordCoordinates::toString).collect(Collectors.joining(", "));
        return copies.size() > 1 ? all + " (" + copies.size() + " copies of one fact)" : all;
    }

    private static String flags(List<TraceFlag> flags) {
        return flags.stream().map(flag -> flag.name().toLowerCase(Locale.ROOT).replace('_', ' ')).collect(Collectors.joining(", "));
    }

    public static String number(double value) {
        return TraceInput.numberText(value);
    }

    public static String age(Duration duration) {
        long millis = duration.toMillis();
        if (Math.abs(millis) < 1_000) {
            return millis + " ms";
        }
        if (Math.abs(millis) < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = Math.abs(millis / 1000 % 60);
        return seconds == 0 ? millis / 60_000 + " min" : String.format(Locale.ROOT, "%d min %d s", millis / 60_000, seconds);
    }
}
