package io.feedlens.views.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;

/**
 * The message table's column titles, scrolled sideways with the rows. A click on a title sorts by it; dragging a
 * title's right edge makes the column wider or narrower. Styled as a {@code TableView}'s header by the theme.
 */
final class MessageTableHeader extends Region {

    /** How near a title's right edge the pointer must be to drag it rather than click it. */
    private static final double EDGE = 5;

    private final List<MessageColumn> columns;
    private final List<StackPane> titles = new ArrayList<>();
    private double offset;
    private MessageColumn resizing;
    private double dragStartX;
    private double widthAtDragStart;
    private boolean dragged;

    MessageTableHeader(List<MessageColumn> columns, Consumer<MessageColumn> sortBy) {
        this.columns = columns;
        getStyleClass().add("column-header-background");
        for (MessageColumn column : columns) {
            Label title = new Label(column.title());
            title.setMaxWidth(Double.MAX_VALUE);
            StackPane cell = new StackPane(title);
            cell.getStyleClass().add("column-header");
            cell.setId(column.id());
            titles.add(cell);
        }
        getChildren().setAll(titles);
        columns.forEach(column -> column.widthProperty().addListener(o -> requestLayout()));
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> setCursor(edgeAt(e.getX()) == null ? Cursor.DEFAULT : Cursor.H_RESIZE));
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            resizing = edgeAt(e.getX());
            dragged = false;
            if (resizing != null) {
                dragStartX = e.getX();
                widthAtDragStart = resizing.width();
            }
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (resizing != null) {
                dragged = true;
                resizing.widthProperty().set(Math.max(MessageColumn.NARROWEST, widthAtDragStart + e.getX() - dragStartX));
            }
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            MessageColumn clicked = columnAt(e.getX());
            if (!dragged && resizing == null && clicked != null) {
                sortBy.accept(clicked);
            }
            resizing = null;
        });
    }

    /** Scrolls the titles sideways by {@code offset} pixels, as the rows below them are. */
    void scrollTo(double offset) {
        this.offset = offset;
        requestLayout();
    }

    /** Marks the column the rows are sorted by, with an arrow for the direction; null for none. */
    void showSort(MessageColumn sortedBy, boolean descending) {
        for (int i = 0; i < columns.size(); i++) {
            MessageColumn column = columns.get(i);
            String arrow = column != sortedBy ? "" : descending ? "  ▼" : "  ▲";
            ((Label) titles.get(i).getChildren().get(0)).setText(column.title() + arrow);
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        // The theme's dense table header is 34 px high at the default font size.
        return Math.ceil(2.45 * getFont().getSize());
    }

    private javafx.scene.text.Font getFont() {
        return ((Label) titles.get(0).getChildren().get(0)).getFont();
    }

    @Override
    protected void layoutChildren() {
        double x = -offset;
        for (int i = 0; i < columns.size(); i++) {
            double width = columns.get(i).width();
            titles.get(i).resizeRelocate(x, 0, width, getHeight());
            x += width;
        }
    }

    private MessageColumn edgeAt(double pointerX) {
        double x = -offset;
        for (MessageColumn column : columns) {
            x += column.width();
            if (Math.abs(pointerX - x) <= EDGE) {
                return column;
            }
        }
        return null;
    }

    private MessageColumn columnAt(double pointerX) {
        double x = -offset;
        for (MessageColumn column : columns) {
            if (pointerX >= x && pointerX < x + column.width()) {
                return column;
            }
            x += column.width();
        }
        return null;
    }
}
