package io.feedlens.views.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.feedlens.app.decode.DecodedRecord;
import io.feedlens.views.desktop.DesktopState;
import io.feedlens.views.desktop.KeptColumns;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The table of matches, its rows drawn on a canvas. A {@code TableView} restyles every visible cell whenever its
 * row count changes, which a search or a filling tail does ten times a second: 10–45 ms of the FX thread each time
 * on two cores (docs/benchmarks.md, fx-stall). Drawing the rows costs a tenth of a millisecond. What a table gives
 * people is kept: a row chosen by click or arrow keys, sorting by a title, column widths to drag, a tooltip with what
 * does not fit, the theme's colours.
 */
public final class MessageTable extends Region implements KeptColumns {

    private final List<MessageColumn> columns;
    private final SortedList<DecodedRecord> rows;
    private final MessageTableHeader header;
    private final MessageRowPainter painter = new MessageRowPainter();
    private final Canvas canvas = new Canvas();
    private final ScrollBar down = new ScrollBar();
    private final ScrollBar across = new ScrollBar();
    private final StackPane placeholder;
    private final ObjectProperty<DecodedRecord> chosen = new SimpleObjectProperty<>(this, "chosen");
    private final Tooltip tooltip = new Tooltip();
    /** Installed only while the pointer is over a cell that has something to say: installing is not free. */
    private boolean tooltipInstalled;
    private final List<String> drawn = new ArrayList<>();
    private MessageColumn sortedBy;
    private boolean descending;
    /**
     * Whether what the canvas shows is out of date. A paint makes the renderer redraw the whole canvas, 15–40 ms of
     * software rendering while a search holds the cores, so layout passes that change nothing must not paint.
     */
    private boolean stale = true;

    MessageTable(ObservableList<DecodedRecord> records, List<MessageColumn> columns, String emptyText) {
        this.columns = columns;
        this.rows = new SortedList<>(records);
        this.header = new MessageTableHeader(columns, this::sortBy);
        getStyleClass().addAll("table-view", "dense", "striped", "message-table");
        // The swatches' colours are in messages.css: the table brings it wherever it is shown.
        getStylesheets().add(MessageTable.class.getResource("messages.css").toExternalForm());
        setFocusTraversable(true);
        down.setOrientation(Orientation.VERTICAL);
        Label empty = new Label(emptyText);
        empty.setWrapText(true);
        placeholder = new StackPane(empty);
        placeholder.getStyleClass().add("placeholder");
        placeholder.setPadding(new Insets(12));
        placeholder.setMouseTransparent(true);
        getChildren().addAll(canvas, header, down, across, placeholder);
        getChildren().addAll(painter.swatches());
        painter.swatches().forEach(swatch -> {
            swatch.fillProperty().addListener(o -> repaint());
            // The font sets the row height, and with it the scroll bars.
            swatch.fontProperty().addListener(o -> {
                stale = true;
                requestLayout();
            });
        });
        rows.addListener((ListChangeListener<DecodedRecord>) change -> {
            stale = true;
            arrange();
        });
        columns.forEach(column -> column.widthProperty().addListener(o -> {
            stale = true;
            requestLayout();
        }));
        chosen.addListener(o -> {
            repaint();
            describeChoice();
        });
        down.valueProperty().addListener(o -> repaint());
        across.valueProperty().addListener(o -> {
            header.scrollTo(across.getValue());
            repaint();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            int row = rowAt(e.getY());
            if (row < rows.size()) {
                chosen.set(rows.get(row));
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> explain(e.getX(), e.getY()));
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scroll);
        addEventHandler(KeyEvent.KEY_PRESSED, this::move);
    }

    /** The records in the order shown (sorted when a title was clicked). */
    public List<DecodedRecord> rows() {
        return rows;
    }

    /** The record chosen by a click or the arrow keys; its detail shows beside the table. */
    public ObjectProperty<DecodedRecord> chosenProperty() {
        return chosen;
    }

    /** Chooses {@code record} and scrolls it into view. */
    public void choose(DecodedRecord record) {
        chosen.set(record);
        int row = rows.indexOf(record);
        if (row >= 0) {
            scrollToShow(row);
        }
    }

    /** Moves the choice {@code by} rows down (up when negative), round from the last row to the first: F3, Shift+F3. */
    public void chooseNext(int by) {
        if (!rows.isEmpty()) {
            int now = chosen.get() == null ? -1 : rows.indexOf(chosen.get());
            choose(rows.get(Math.floorMod(now + by, rows.size())));
        }
    }

    /** The chosen row as its cells show it, tab-separated, for the clipboard; empty when no row is chosen. */
    public String chosenRowText() {
        DecodedRecord record = chosen.get();
        return record == null ? "" : columns.stream().map(column -> column.shown(record)).collect(java.util.stream.Collectors.joining("\t"));
    }

    /** The text of every cell on screen now, as drawn (cut to the column with an ellipsis where it does not fit). */
    public List<String> textsShown() {
        return List.copyOf(drawn);
    }

    /** Where on the screen a visible cell shows {@code text}: the middle of the part of it in view. */
    public Optional<Point2D> whereShown(String text) {
        int first = firstRow();
        double rowHeight = painter.rowHeight();
        for (int row = first; row < rows.size() && (row - first) * rowHeight < canvas.getHeight(); row++) {
            double x = -across.getValue();
            for (MessageColumn column : columns) {
                if (text.equals(column.shown(rows.get(row)))) {
                    Bounds cell = new BoundingBox(x, (row - first) * rowHeight, column.width(), rowHeight);
                    double left = Math.max(0, cell.getMinX());
                    double right = Math.min(canvas.getWidth(), cell.getMaxX());
                    if (left < right) {
                        return Optional.of(canvas.localToScreen((left + right) / 2, cell.getCenterY()));
                    }
                }
                x += column.width();
            }
        }
        return Optional.empty();
    }

    /** The widths people dragged, kept between runs under the names the columns had as {@code TableView} columns. */
    @Override
    public List<DesktopState.ColumnLayout> columnLayout() {
        return columns.stream().map(column -> new DesktopState.ColumnLayout(column.id(), column.width())).toList();
    }

    /** Widths only: these columns keep their order. */
    @Override
    public void applyColumnLayout(List<DesktopState.ColumnLayout> layout) {
        for (DesktopState.ColumnLayout kept : layout) {
            columns.stream().filter(column -> column.id().equals(kept.column()) && kept.width() > 0).findFirst()
                    .ifPresent(column -> column.widthProperty().set(Math.max(MessageColumn.NARROWEST, kept.width())));
        }
    }

    @Override
    protected void layoutChildren() {
        arrange();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 400;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 300;
    }

    /** Places the header, canvas and scroll bars for the rows there are now, then paints. */
    private void arrange() {
        Insets insets = getInsets();
        double width = Math.max(0, getWidth() - insets.getLeft() - insets.getRight());
        double height = Math.max(0, getHeight() - insets.getTop() - insets.getBottom());
        double headerHeight = header.prefHeight(width);
        double rowHeight = painter.rowHeight();
        double columnsWidth = columns.stream().mapToDouble(MessageColumn::width).sum();
        double bodyWidth = width;
        double bodyHeight = height - headerHeight;
        boolean needDown = false;
        boolean needAcross = false;
        // Each bar takes room from the other direction, so the second pass settles what the first could not know.
        for (int pass = 0; pass < 2; pass++) {
            needDown = rows.size() * rowHeight > bodyHeight;
            bodyWidth = width - (needDown ? down.prefWidth(-1) : 0);
            needAcross = columnsWidth > bodyWidth;
            bodyHeight = height - headerHeight - (needAcross ? across.prefHeight(-1) : 0);
        }
        double left = insets.getLeft();
        double top = insets.getTop();
        header.resizeRelocate(left, top, bodyWidth, headerHeight);
        canvas.relocate(left, top + headerHeight);
        if (canvas.getWidth() != Math.max(0, bodyWidth) || canvas.getHeight() != Math.max(0, bodyHeight)) {
            canvas.setWidth(Math.max(0, bodyWidth));
            canvas.setHeight(Math.max(0, bodyHeight));
            stale = true;
        }
        placeholder.resizeRelocate(left, top + headerHeight, Math.max(0, bodyWidth), Math.max(0, bodyHeight));
        placeholder.setVisible(rows.isEmpty());
        int fullRows = Math.max(1, (int) (bodyHeight / rowHeight));
        down.setVisible(needDown);
        down.resizeRelocate(left + bodyWidth, top + headerHeight, down.prefWidth(-1), Math.max(0, bodyHeight));
        down.setMax(Math.max(0, rows.size() - fullRows));
        down.setVisibleAmount(Math.min(fullRows, Math.max(1, rows.size())));
        down.setBlockIncrement(Math.max(1, fullRows - 1));
        down.setValue(Math.min(down.getValue(), down.getMax()));
        across.setVisible(needAcross);
        across.resizeRelocate(left, top + headerHeight + bodyHeight, Math.max(0, bodyWidth), across.prefHeight(-1));
        across.setMax(Math.max(0, columnsWidth - bodyWidth));
        across.setVisibleAmount(Math.max(1, bodyWidth));
        across.setUnitIncrement(painter.rowHeight());
        across.setBlockIncrement(Math.max(1, bodyWidth * 0.9));
        across.setValue(Math.min(across.getValue(), across.getMax()));
        if (stale) {
            repaint();
        }
    }

    private void repaint() {
        painter.paint(canvas, rows, firstRow(), across.getValue(), columns, chosen.get(), drawn);
        stale = false;
    }

    private int firstRow() {
        return (int) Math.floor(down.getValue());
    }

    private int rowAt(double y) {
        return firstRow() + (int) (y / painter.rowHeight());
    }

    private int fullRows() {
        return Math.max(1, (int) (canvas.getHeight() / painter.rowHeight()));
    }

    /** The rows are no nodes a screen reader can read: the table says in words which row is chosen and what it shows. */
    private void describeChoice() {
        DecodedRecord record = chosen.get();
        setAccessibleText(record == null ? null : "Row " + (rows.indexOf(record) + 1) + " of " + rows.size() + ": "
                + columns.stream().map(column -> column.title() + " " + column.shown(record)).collect(java.util.stream.Collectors.joining(", ")));
    }

    /** A click on a title sorts by it ascending, then descending, then back to the order the records came in. */
    private void sortBy(MessageColumn column) {
        if (column != sortedBy) {
            sortedBy = column;
            descending = false;
        } else if (!descending) {
            descending = true;
        } else {
            sortedBy = null;
        }
        header.showSort(sortedBy, descending);
        rows.setComparator(sortedBy == null ? null : descending ? sortedBy.order().reversed() : sortedBy.order());
    }

    /** The tooltip says in full what the cell under the pointer cuts short. */
    private void explain(double x, double y) {
        int row = rowAt(y);
        MessageColumn column = columnAt(x + across.getValue());
        String text = row < rows.size() && column != null ? column.tooltip(rows.get(row)) : null;
        if (text == null && tooltipInstalled) {
            Tooltip.uninstall(canvas, tooltip);
        } else if (text != null) {
            tooltip.setText(text);
            if (!tooltipInstalled) {
                Tooltip.install(canvas, tooltip);
            }
        }
        tooltipInstalled = text != null;
    }

    private MessageColumn columnAt(double x) {
        double right = 0;
        for (MessageColumn column : columns) {
            right += column.width();
            if (x < right) {
                return column;
            }
        }
        return null;
    }

    /**
     * The wheel scrolls rows, as many as the desktop says a notch is worth (three lines, usually); a touchpad's
     * pixels are turned into rows. Sideways, or with Shift held, it scrolls columns.
     */
    private void scroll(ScrollEvent event) {
        boolean sideways = event.isShiftDown() && event.getDeltaX() == 0;
        double rows = sideways ? 0 : switch (event.getTextDeltaYUnits()) {
            case LINES -> event.getTextDeltaY();
            case PAGES -> event.getTextDeltaY() * fullRows();
            case NONE -> event.getDeltaY() / painter.rowHeight();
        };
        down.setValue(clamp(down.getValue() - rows, down.getMax()));
        across.setValue(clamp(across.getValue() - (sideways ? event.getDeltaY() : event.getDeltaX()), across.getMax()));
        event.consume();
    }

    /** Arrow keys, Page Up/Down, Home and End move the chosen row as they do in any table. */
    private void move(KeyEvent event) {
        if (rows.isEmpty()) {
            return;
        }
        int now = chosen.get() == null ? -1 : rows.indexOf(chosen.get());
        int next = switch (event.getCode()) {
            case UP -> now - 1;
            case DOWN -> now + 1;
            case PAGE_UP -> now - fullRows();
            case PAGE_DOWN -> now + fullRows();
            case HOME -> 0;
            case END -> rows.size() - 1;
            default -> Integer.MIN_VALUE;
        };
        if (next == Integer.MIN_VALUE) {
            return;
        }
        choose(rows.get(Math.max(0, Math.min(rows.size() - 1, next))));
        event.consume();
    }

    private void scrollToShow(int row) {
        int first = firstRow();
        if (row < first) {
            down.setValue(row);
        } else if (row >= first + fullRows()) {
            down.setValue(Math.min(down.getMax(), row - fullRows() + 1));
        }
    }

    private static double clamp(double value, double max) {
        return Math.max(0, Math.min(max, value));
    }
}
