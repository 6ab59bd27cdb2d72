package io.feedlens.views.topics;

import java.util.Comparator;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * Table columns that sort by the value and show it formatted: numbers sort as numbers while reading "1.2 MB",
 * and the cell can carry a tooltip and a style class that depends on the value (a warning for under-replicated).
 */
public final class Columns {

    /**
     * Keeps a table's selection and a model's selected item together. Only a person's choice moves the model: a
     * refresh or a filter that hides the selected row leaves the model's choice, and its detail, as they were.
     */
    public static <T> void followSelection(TableView<T> table, javafx.beans.property.ObjectProperty<T> selected) {
        table.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> {
            if (now != null) {
                selected.set(now);
            }
        });
        selected.addListener((o, before, now) -> {
            if (now != null && now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        });
    }

    public static final String NUMERIC = "numeric";

    private Columns() {
    }

    public static <S, T> TableColumn<S, T> text(String title, double width, Function<S, T> value, Function<T, String> shown) {
        TableColumn<S, T> column = new TableColumn<>(title);
        column.setId(idOf(title));
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setCellFactory(c -> new FormattedCell<>(shown, t -> null, t -> null));
        return column;
    }

    /** A right-aligned column whose nulls sort first. */
    public static <S, T extends Comparable<T>> TableColumn<S, T> number(String title, double width, Function<S, T> value,
                                                                 Function<T, String> shown) {
        TableColumn<S, T> column = text(title, width, value, shown);
        column.getStyleClass().add(NUMERIC);
        column.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        return column;
    }

    /** Marks cells with {@code styleClass} where {@code flagged} holds (zero stays plain). */
    public static <S, T> TableColumn<S, T> flagged(TableColumn<S, T> column, Function<T, String> shown,
                                             Function<T, String> styleClass, Function<T, String> tooltip) {
        column.setCellFactory(c -> new FormattedCell<>(shown, styleClass, tooltip));
        return column;
    }

    /** A short header with its full meaning in a tooltip, for figures whose name would not fit. */
    public static <S, T> TableColumn<S, T> explained(TableColumn<S, T> column, String meaning) {
        Label header = new Label(column.getText());
        header.setTooltip(new Tooltip(meaning));
        column.setText(null);
        column.setGraphic(header);
        return column;
    }

    /** A header over several columns, e.g. "Offsets" over earliest, latest and records. */
    @SafeVarargs
    public static <S> TableColumn<S, ?> group(String title, TableColumn<S, ?>... columns) {
        TableColumn<S, Object> group = new TableColumn<>(title);
        group.getColumns().addAll(columns);
        return group;
    }

    /** Tables in FeedLens show many rows: dense rows and stripes keep them readable. */
    public static <S> TableView<S> table(String id, ObservableList<S> rows, String placeholder) {
        // Header clicks sort a SortedList view of the rows; the model's own lists stay as they are.
        SortedList<S> sorted = rows instanceof SortedList<S> given ? given : new SortedList<>(rows);
        TableView<S> table = new TableView<>(sorted);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setId(id);
        table.getStyleClass().addAll("dense", "striped");
        Label empty = new Label(placeholder);
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        return table;
    }

    private static String idOf(String title) {
        return "column-" + title.toLowerCase().replaceAll("[^a-z]+", "-").replaceAll("-$", "");
    }

    /** Shows a value through its formatter; cells are reused while scrolling, so every update resets style and tip. */
    static final class FormattedCell<S, T> extends TableCell<S, T> {
        private final Function<T, String> shown;
        private final Function<T, String> styleClass;
        private final Function<T, String> tooltip;
        private String appliedClass;

        FormattedCell(Function<T, String> shown, Function<T, String> styleClass, Function<T, String> tooltip) {
            this.shown = shown;
            this.styleClass = styleClass;
            this.tooltip = tooltip;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            if (appliedClass != null) {
                getStyleClass().remove(appliedClass);
                appliedClass = null;
            }
            if (empty) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(shown.apply(item));
            String tip = tooltip.apply(item);
            setTooltip(tip == null ? null : new Tooltip(tip));
            appliedClass = styleClass.apply(item);
            if (appliedClass != null) {
                getStyleClass().add(appliedClass);
            }
        }
    }
}
