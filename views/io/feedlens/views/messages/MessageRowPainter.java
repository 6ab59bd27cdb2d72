package io.feedlens.views.messages;

import java.util.List;

import io.feedlens.app.decode.DecodedRecord;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Draws the message table's visible rows on a canvas. The colours and the font come from the theme through hidden
 * {@link Text} "swatches" the style sheet paints (messages.css), so the rows follow a switch to the dark theme.
 * Text is cut to its column by counting characters of a fixed-width font: measuring every cell would cost more than
 * drawing it.
 */
final class MessageRowPainter {

    /** Space between a cell's edge and its text, as the theme's table cells have. */
    private static final double PAD = 7;

    private final Text cell = swatch("swatch-cell");
    private final Text even = swatch("swatch-even");
    private final Text odd = swatch("swatch-odd");
    private final Text selected = swatch("swatch-selected");
    private final Text danger = swatch("swatch-danger");
    private final Text border = swatch("swatch-border");
    private Font measured;
    private double charWidth;

    /** The nodes the style sheet colours; they must be in the scene for it to reach them. */
    List<Text> swatches() {
        return List.of(cell, even, odd, selected, danger, border);
    }

    double rowHeight() {
        // The theme's dense table rows are 2em high.
        return Math.ceil(2 * cell.getFont().getSize());
    }

    /**
     * Paints rows {@code first}… of {@code rows} across the canvas, scrolled sideways by {@code scrollX}, and puts the
     * text of each cell drawn into {@code drawn} (what the user can read now).
     */
    void paint(Canvas canvas, List<DecodedRecord> rows, int first, double scrollX, List<MessageColumn> columns,
               DecodedRecord chosen, List<String> drawn) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        double rowHeight = rowHeight();
        // Covering the whole canvas also lets JavaFX drop the drawing commands of earlier paints not yet rendered.
        g.setFill(even.getFill());
        g.fillRect(0, 0, width, height);
        g.setTextBaseline(VPos.CENTER);
        drawn.clear();
        double charWidth = charWidth();
        double y = 0;
        for (int i = first; i < rows.size() && y < height; i++, y += rowHeight) {
            DecodedRecord record = rows.get(i);
            g.setFill(record == chosen ? selected.getFill() : i % 2 == 1 ? odd.getFill() : even.getFill());
            g.fillRect(0, y, width, rowHeight);
            g.setFill(border.getFill());
            g.fillRect(0, y + rowHeight - 1, width, 1);
            double x = -scrollX;
            for (MessageColumn column : columns) {
                double columnWidth = column.width();
                if (x + columnWidth > 0 && x < width) {
                    String shown = column.shown(record);
                    String text = fit(shown, (int) ((columnWidth - 2 * PAD) / charWidth));
                    Text look = column.marksProblem(shown) ? danger : cell;
                    g.setFill(look.getFill());
                    g.setFont(look.getFont());
                    g.setTextAlign(column.numeric() ? TextAlignment.RIGHT : TextAlignment.LEFT);
                    g.fillText(text, column.numeric() ? x + columnWidth - PAD : x + PAD, y + rowHeight / 2);
                    drawn.add(text);
                }
                x += columnWidth;
            }
        }
    }

    /** The text as it fits {@code room} characters on one line: line breaks as spaces, cut with an ellipsis. */
    static String fit(String text, int room) {
        if (text == null || room <= 0) {
            return "";
        }
        String oneLine = text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && text.indexOf('\t') < 0 ? text
                : text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        return oneLine.length() <= room ? oneLine : oneLine.substring(0, room - 1) + "…";
    }

    private double charWidth() {
        Font font = cell.getFont();
        if (font != measured) {
            Text probe = new Text("0123456789abcdefghij");
            probe.setFont(font);
            charWidth = probe.getLayoutBounds().getWidth() / 20;
            measured = font;
        }
        return charWidth;
    }

    private static Text swatch(String styleClass) {
        Text swatch = new Text();
        swatch.getStyleClass().add(styleClass);
        swatch.setManaged(false);
        swatch.setVisible(false);
        return swatch;
    }
}
