package io.feedlens.views.messages;

import java.util.Comparator;
import java.util.function.Function;

import io.feedlens.app.decode.DecodedRecord;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

/** One column of the message table: its title, its width (people drag it), and how a record reads in it. */
final class MessageColumn {

    static final double NARROWEST = 36;

    private final String title;
    private final DoubleProperty width;
    private final Function<DecodedRecord, String> shown;
    private final Function<DecodedRecord, String> tooltip;
    private final boolean numeric;
    private final boolean marksProblems;
    private Comparator<DecodedRecord> order;

    MessageColumn(String title, double width, Function<DecodedRecord, String> shown, Function<DecodedRecord, String> tooltip,
                  boolean numeric, boolean marksProblems) {
        this.title = title;
        this.width = new SimpleDoubleProperty(width);
        this.shown = shown;
        this.tooltip = tooltip;
        this.numeric = numeric;
        this.marksProblems = marksProblems;
        this.order = Comparator.comparing(shown);
    }

    /** Sorting by what the cell shows is wrong for numbers and times: this column sorts by the value itself. */
    MessageColumn orderedBy(Comparator<DecodedRecord> order) {
        this.order = order;
        return this;
    }

    String title() { return title; }
    /** The header's node id, and the name the column's width is kept under. */
    String id() { return "message-column-" + title.toLowerCase(java.util.Locale.ROOT); }
    DoubleProperty widthProperty() { return width; }
    double width() { return width.get(); }
    String shown(DecodedRecord record) { return shown.apply(record); }
    /** What a tooltip over the cell says, or null for none. */
    String tooltip(DecodedRecord record) { return tooltip.apply(record); }
    /** Numbers are right-aligned so their digits line up. */
    boolean numeric() { return numeric; }
    Comparator<DecodedRecord> order() { return order; }

    /** A record the decoder had trouble with reads in the danger colour in this column: {@code shown} is its text. */
    boolean marksProblem(String shown) {
        return marksProblems && !"OK".equals(shown);
    }
}
