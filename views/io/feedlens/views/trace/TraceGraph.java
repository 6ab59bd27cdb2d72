package io.feedlens.views.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.trace.Trace;
import io.feedlens.lineage.trace.TraceEvent;
import io.feedlens.lineage.trace.TraceInput;

/**
 * Where each box of a trace goes, left to right: source events, feature records, the decision. Pure layout, no
 * controls, so it is tested without a window. A feature with more than {@link #EVENTS_SHOWN_COLLAPSED} events shows
 * them as one count box until a person expands it: a trace of 10 features × 50 events stays readable.
 */
final class TraceGraph {

    static final int EVENTS_SHOWN_COLLAPSED = 3;
    static final double WIDTH = 240;
    static final double EVENT_HEIGHT = 98;
    static final double FEATURE_HEIGHT = 124;
    static final double DECISION_HEIGHT = 118;
    static final double GAP = 10;
    static final double COLUMN_GAP = 60;
    static final double MARGIN = 12;

    enum Kind { EVENT, EVENTS_COLLAPSED, FEATURE, DECISION }

    /**
     * One box. {@code input} is the index of its input in the trace (-1 for the decision), {@code event} the index of
     * the event within that input (-1 otherwise), {@code hidden} how many events a collapsed box stands for.
     */
    record Box(Kind kind, int input, int event, int hidden, double x, double y, double height) {

        double centerY() {
            return y + height / 2;
        }
    }

    /** An arrow from one box to another; {@code inferred} when the link comes from the as-of join. */
    record Edge(Box from, Box to, boolean inferred) {
    }

    private final List<Box> boxes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private double height;

    TraceGraph(Trace trace, Set<Integer> expanded) {
        double top = MARGIN;
        List<Box> features = new ArrayList<>();
        for (int i = 0; i < trace.inputs().size(); i++) {
            TraceInput input = trace.inputs().get(i);
            List<Box> events = eventBoxes(input, i, expanded.contains(i), top);
            double eventsHeight = events.isEmpty() ? 0 : events.get(events.size() - 1).y() + EVENT_HEIGHT - top;
            double block = Math.max(FEATURE_HEIGHT, eventsHeight);
            Box feature = new Box(Kind.FEATURE, i, -1, 0, column(1), top + (block - FEATURE_HEIGHT) / 2, FEATURE_HEIGHT);
            features.add(feature);
            boxes.addAll(events);
            boxes.add(feature);
            events.forEach(event -> edges.add(new Edge(event, feature, false)));
            top += block + GAP * 2;
        }
        double used = Math.max(top - GAP * 2, MARGIN + DECISION_HEIGHT);
        Box decision = new Box(Kind.DECISION, -1, -1, 0, column(2), MARGIN + (used - MARGIN - DECISION_HEIGHT) / 2, DECISION_HEIGHT);
        boxes.add(decision);
        for (Box feature : features) {
            edges.add(new Edge(feature, decision, trace.inputs().get(feature.input()).inferred()));
        }
        height = used + MARGIN;
    }

    private static List<Box> eventBoxes(TraceInput input, int inputIndex, boolean expanded, double top) {
        List<Box> events = new ArrayList<>();
        List<TraceEvent> all = input.events();
        boolean collapse = !expanded && all.size() > EVENTS_SHOWN_COLLAPSED;
        if (collapse) {
            events.add(new Box(Kind.EVENTS_COLLAPSED, inputIndex, -1, all.size(), column(0), top, EVENT_HEIGHT));
            return events;
        }
        for (int e = 0; e < all.size(); e++) {
            events.add(new Box(Kind.EVENT, inputIndex, e, 0, column(0), top + e * (EVENT_HEIGHT + GAP), EVENT_HEIGHT));
        }
        return events;
    }

    static double column(int index) {
        return MARGIN + index * (WIDTH + COLUMN_GAP);
    }

    List<Box> boxes() {
        return boxes;
    }

    List<Edge> edges() {
        return edges;
    }

    double width() {
        return column(3) - COLUMN_GAP + MARGIN;
    }

    double height() {
        return height;
    }

    /** The coordinates of every record a box shows on its own (a collapsed count shows none until expanded). */
    static List<RecordCoordinates> recordsShown(Trace trace) {
        List<RecordCoordinates> shown = new ArrayList<>();
        trace.copies().stream().findFirst().ifPresent(shown::add);
        for (TraceInput input : trace.inputs()) {
            input.copies().stream().findFirst().ifPresent(shown::add);
            input.events().forEach(event -> event.copies().stream().findFirst().ifPresent(shown::add));
        }
        return shown;
    }
}
