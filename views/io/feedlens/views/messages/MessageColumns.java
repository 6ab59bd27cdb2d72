package io.feedlens.views.messages;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

import io.feedlens.app.decode.DecodedRecord;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/** The columns of the messages table. Cells show short text; tooltips carry what does not fit. */
final class MessageColumns {

    private static final int PREVIEW = 200;

    private MessageColumns() {
    }

    static List<TableColumn<DecodedRecord, ?>> all(ZoneId zone) {
        return List.of(
                number("Partition", 90, r -> (long) r.coordinates().partition()),
                number("Offset", 76, r -> r.coordinates().offset()),
                column("Timestamp", 205, r -> RecordText.time(r.timestamp(), zone),
                        r -> r.timestampType() + " · " + java.time.Instant.ofEpochMilli(r.timestamp()), null),
                column("Key", 120, r -> r.key().preview(PREVIEW), r -> r.key().preview(400), null),
                column("Value", 420, r -> r.value().preview(PREVIEW), r -> r.value().preview(1000), null),
                number("Headers", 74, r -> (long) r.headers().size()),
                column("Size", 72, r -> RecordText.size(r.key().size() + r.value().size()), r -> null, "numeric"),
                column("Format", 80, r -> r.value().format().label(), r -> "key: " + r.key().format().label(), null),
                column("Status", 150, RecordText::status, RecordText::status, null));
    }

    private static TableColumn<DecodedRecord, Long> number(String title, double width, Function<DecodedRecord, Long> value) {
        TableColumn<DecodedRecord, Long> column = new TableColumn<>(title);
        column.setId("message-column-" + title.toLowerCase());
        column.setPrefWidth(width);
        column.getStyleClass().add("numeric");
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }

    private static TableColumn<DecodedRecord, DecodedRecord> column(String title, double width, Function<DecodedRecord, String> shown,
                                                                     Function<DecodedRecord, String> tooltip, String styleClass) {
        TableColumn<DecodedRecord, DecodedRecord> column = new TableColumn<>(title);
        column.setId("message-column-" + title.toLowerCase());
        column.setPrefWidth(width);
        if (styleClass != null) {
            column.getStyleClass().add(styleClass);
        }
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setComparator(java.util.Comparator.comparing(shown));
        column.setCellFactory(c -> new RecordCell(shown, tooltip, "Status".equals(title)));
        return column;
    }

    /** Cells are reused while scrolling: each update sets text, tooltip and the problem mark afresh. */
    private static final class RecordCell extends TableCell<DecodedRecord, DecodedRecord> {
        private final Function<DecodedRecord, String> shown;
        private final Function<DecodedRecord, String> tooltip;
        private final boolean marksProblems;
        /** One tooltip per cell, its text changed on update: rows change ten times a second during a tail. */
        private final Tooltip tip = new Tooltip();

        RecordCell(Function<DecodedRecord, String> shown, Function<DecodedRecord, String> tooltip, boolean marksProblems) {
            this.shown = shown;
            this.tooltip = tooltip;
            this.marksProblems = marksProblems;
        }

        @Override
        protected void updateItem(DecodedRecord record, boolean empty) {
            super.updateItem(record, empty);
            getStyleClass().remove("cell-danger");
            if (empty || record == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(shown.apply(record));
            String text = tooltip.apply(record);
            tip.setText(text);
            setTooltip(text == null ? null : tip);
            if (marksProblems && !"OK".equals(getText())) {
                getStyleClass().add("cell-danger");
            }
        }
    }
}
