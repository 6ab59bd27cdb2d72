package io.feedlens.views.trace;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.feedlens.app.lineage.TraceText;
import io.feedlens.app.report.FlagWords;
import io.feedlens.lineage.trace.Trace;
import io.feedlens.lineage.trace.TraceEvent;
import io.feedlens.lineage.trace.TraceFlag;
import io.feedlens.lineage.trace.TraceInput;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * The trace on one time axis: a row per input with its source events as dots, its as-of time, its freshness as a bar
 * up to the decision time (the word "stale" on it when it is older than the TTL, not just a colour), and its TTL as a
 * mark; the decision time as one vertical line through all rows.
 */
final class TimelinePane extends Pane {

    static final double ROW = 28;
    private static final double LABEL_WIDTH = 190;
    private static final double AXIS = 26;
    /** Room right of the axis for "TTL 30 min →" when a TTL ends beyond it. */
    private static final double TTL_ROOM = 100;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final TraceViewModel model;

    TimelinePane(TraceViewModel model) {
        this.model = model;
        setId("trace-timeline");
        getStyleClass().add("trace-timeline");
        model.traceProperty().addListener((o, before, now) -> redraw());
        widthProperty().addListener((o, before, now) -> redraw());
    }

    private void redraw() {
        getChildren().clear();
        Trace trace = model.traceProperty().get();
        if (trace == null || getWidth() < LABEL_WIDTH + 100) {
            return;
        }
        List<TraceInput> inputs = trace.inputs();
        setPrefHeight(AXIS + ROW * Math.max(1, inputs.size()) + 8);
        TimeScale scale = TimeScale.of(trace, LABEL_WIDTH + 10, getWidth() - TTL_ROOM);
        for (int i = 0; i < inputs.size(); i++) {
            row(inputs.get(i), i, AXIS + i * ROW, scale);
        }
        double bottom = AXIS + ROW * inputs.size();
        Line decision = new Line(scale.x(trace.decidedAt()), AXIS - 6, scale.x(trace.decidedAt()), bottom);
        decision.setId("timeline-decision");
        decision.getStyleClass().add("timeline-decision");
        double decidedX = scale.x(trace.decidedAt());
        Label decided = new Label("decision " + CLOCK.format(trace.decidedAt().atZone(ZoneId.systemDefault())));
        decided.getStyleClass().add("timeline-axis-label");
        decided.relocate(decidedX + 4, 2);
        Label start = new Label(CLOCK.format(scale.start().atZone(ZoneId.systemDefault())));
        start.getStyleClass().add("timeline-axis-label");
        start.relocate(LABEL_WIDTH + 10, 2);
        // The axis's start time only where it does not run into the decision's.
        start.setVisible(decidedX - (LABEL_WIDTH + 10) > 90);
        getChildren().addAll(decision, decided, start);
    }

    private void row(TraceInput input, int index, double y, TimeScale scale) {
        Label name = new Label((input.inferred() ? "≈ " : "") + (input.feature() == null ? input.reference() : input.feature().toString()));
        name.getStyleClass().add("timeline-row-label");
        name.relocate(4, y + 5);
        name.setMaxWidth(LABEL_WIDTH - 8);
        getChildren().add(name);
        if (input.asOf() == null) {
            Label none = new Label("no feature record: nothing to draw");
            none.getStyleClass().add("text-muted");
            none.relocate(LABEL_WIDTH + 10, y + 5);
            getChildren().add(none);
            return;
        }
        boolean stale = input.flags().contains(TraceFlag.STALE);
        double from = scale.x(input.asOf());
        double to = scale.x(model.traceProperty().get().decidedAt());
        Rectangle bar = new Rectangle(Math.min(from, to), y + 8, Math.max(2, Math.abs(to - from)), ROW - 16);
        bar.setId("timeline-freshness-" + index);
        bar.getStyleClass().addAll("timeline-bar", stale ? "timeline-bar-stale" : "timeline-bar-fresh");
        String age = input.freshness() == null ? "" : TraceText.age(input.freshness());
        LazyTooltip.install(bar, () -> "as of " + input.asOf() + " · " + age + " old at the decision" + (stale ? " · stale" : ""));
        Label ageLabel = new Label((stale ? FlagWords.of(TraceFlag.STALE).label() + " · " : "") + age);
        ageLabel.getStyleClass().addAll("timeline-age", stale ? "flag-stale" : "timeline-age-fresh");
        // A bar too short to hold its age gets the age on its left, clear of the decision line and the TTL mark.
        boolean roomInside = Math.abs(to - from) > 70;
        ageLabel.relocate(roomInside ? Math.min(from, to) + 4 : Math.min(from, to) - 64, y + 6);
        getChildren().addAll(bar, ageLabel);
        ttlMark(input, index, y, scale);
        for (TraceEvent event : input.events()) {
            if (event.time() != null) {
                Circle dot = new Circle(scale.x(event.time()), y + ROW / 2, 3.5);
                dot.getStyleClass().add("timeline-event");
                LazyTooltip.install(dot, () -> "event " + event.id() + " at " + event.time());
                getChildren().add(dot);
            }
        }
    }

    /** The TTL as a tick where the feature stops being fresh, or an arrow at the edge when that is beyond the axis. */
    private void ttlMark(TraceInput input, int index, double y, TimeScale scale) {
        Optional<Duration> ttl = input.feature() == null ? Optional.empty() : model.ttl(input.feature().view());
        if (ttl.isEmpty()) {
            return;
        }
        Instant expires = input.asOf().plus(ttl.get());
        boolean beyond = expires.isAfter(scale.end());
        double x = beyond ? scale.x(scale.end()) : scale.x(expires);
        Line tick = new Line(x, y + 3, x, y + ROW - 3);
        tick.setId("timeline-ttl-" + index);
        tick.getStyleClass().add("timeline-ttl");
        Label says = new Label(beyond ? "TTL " + TraceText.age(ttl.get()) + " →" : "TTL");
        says.getStyleClass().add("timeline-ttl-label");
        says.relocate(x + 4, y + 6);
        getChildren().addAll(tick, says);
    }

    /** Instants to x positions: from the earliest event or as-of time to a little after the decision. */
    record TimeScale(Instant start, Instant end, double left, double right) {

        static TimeScale of(Trace trace, double left, double right) {
            List<Instant> times = new ArrayList<>();
            times.add(trace.decidedAt());
            for (TraceInput input : trace.inputs()) {
                if (input.asOf() != null) {
                    times.add(input.asOf());
                }
                input.events().stream().map(TraceEvent::time).filter(java.util.Objects::nonNull).forEach(times::add);
            }
            Instant first = times.stream().min(Instant::compareTo).orElseThrow();
            long span = Math.max(10, Duration.between(first, trace.decidedAt()).toMillis());
            // A little room after the decision, so TTL marks that fall just after it still show.
            return new TimeScale(first.minusMillis(span / 40), trace.decidedAt().plusMillis(span / 8), left, right);
        }

        double x(Instant at) {
            double fraction = (double) Duration.between(start, at).toMillis() / Math.max(1, Duration.between(start, end).toMillis());
            return left + Math.max(0, Math.min(1, fraction)) * (right - left);
        }
    }
}
