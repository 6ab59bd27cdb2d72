package io.feedlens.views.desktop;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The column order and widths of the tables that have an id, as people left them. Screens are built late and their
 * tables skinned later still, so the layouts are applied to whatever tables a shown part of the window holds.
 */
public final class TableLayouts {

    private final Map<String, List<DesktopState.ColumnLayout>> layouts;
    private final Set<Node> applied = Collections.newSetFromMap(new WeakHashMap<>());

    public TableLayouts(Map<String, List<DesktopState.ColumnLayout>> saved) {
        this.layouts = new LinkedHashMap<>(saved);
    }

    /** Puts the kept order and widths on every table with an id under {@code root} not seen before. */
    public void applyWithin(Node root) {
        for (Node table : tablesWithin(root)) {
            if (applied.add(table)) {
                List<DesktopState.ColumnLayout> layout = layouts.get(table.getId());
                if (layout != null) {
                    columnsOf(table).applyColumnLayout(layout);
                }
            }
        }
    }

    /** The layouts kept before, updated from the tables under {@code roots} that were shown in this run. */
    public Map<String, List<DesktopState.ColumnLayout>> capture(Collection<Node> roots) {
        Map<String, List<DesktopState.ColumnLayout>> now = new LinkedHashMap<>(layouts);
        for (Node root : roots) {
            for (Node table : tablesWithin(root)) {
                if (applied.contains(table)) {
                    now.put(table.getId(), columnsOf(table).columnLayout());
                }
            }
        }
        return now;
    }

    private static KeptColumns columnsOf(Node table) {
        return table instanceof KeptColumns kept ? kept : new TableViewColumns<>((TableView<?>) table);
    }

    /** A {@code TableView}'s columns: their order and widths. */
    private record TableViewColumns<S>(TableView<S> table) implements KeptColumns {

        @Override
        public List<DesktopState.ColumnLayout> columnLayout() {
            return table.getColumns().stream().map(column -> new DesktopState.ColumnLayout(key(column), column.getWidth())).toList();
        }

        @Override
        public void applyColumnLayout(List<DesktopState.ColumnLayout> layout) {
            List<TableColumn<S, ?>> ordered = new ArrayList<>();
            for (DesktopState.ColumnLayout kept : layout) {
                table.getColumns().stream().filter(c -> key(c).equals(kept.column())).findFirst().ifPresent(column -> {
                    ordered.add(column);
                    if (kept.width() > 0) {
                        column.setPrefWidth(kept.width());
                    }
                });
            }
            // Columns the kept layout does not know (new in this version) keep their place at the end.
            table.getColumns().stream().filter(c -> !ordered.contains(c)).forEach(ordered::add);
            table.getColumns().setAll(ordered);
        }
    }

    private static List<Node> tablesWithin(Node root) {
        List<Node> tables = new ArrayList<>();
        for (Node node : root.lookupAll(".table-view")) {
            if ((node instanceof TableView || node instanceof KeptColumns) && node.getId() != null) {
                tables.add(node);
            }
        }
        return tables;
    }

    /** A column's name: its id, else its title, else the title of the label in its header. */
    public static String key(TableColumn<?, ?> column) {
        if (column.getId() != null) {
            return column.getId();
        }
        if (column.getText() != null && !column.getText().isEmpty()) {
            return column.getText();
        }
        return column.getGraphic() instanceof Labeled ? ((Labeled) column.getGraphic()).getText() : "";
    }
}
