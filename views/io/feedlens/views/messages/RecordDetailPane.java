package io.feedlens.views.messages;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import io.feedlens.views.shell.Icons;
import org.kordamp.ikonli.feather.Feather;

/** The selected record: coordinates with copy actions, time, formats, problem, then value, key, headers and raw hex in tabs. */
public final class RecordDetailPane extends StackPane {

    public RecordDetailPane(RecordDetailViewModel model) {
        setId("record-detail");
        Label nothing = new Label("Select a row to see the record in full.");
        nothing.getStyleClass().add("text-muted");
        VBox detail = new VBox(6, coordinatesRow(model), muted("record-timestamp", model), formatLabel(model),
                problemLabel(model), tabs(model));
        detail.setPadding(new Insets(6, 8, 6, 8));
        detail.visibleProperty().bind(model.recordProperty().isNotNull());
        nothing.visibleProperty().bind(model.recordProperty().isNull());
        StackPane.setAlignment(nothing, Pos.TOP_LEFT);
        StackPane.setMargin(nothing, new Insets(10));
        getChildren().addAll(detail, nothing);
    }

    private static HBox coordinatesRow(RecordDetailViewModel model) {
        // A read-only text field: people select and copy coordinates into tickets.
        TextField coordinates = new TextField();
        coordinates.setId("record-coordinates");
        coordinates.setEditable(false);
        coordinates.getStyleClass().add("message-coordinates");
        coordinates.textProperty().bind(model.coordinatesProperty());
        HBox.setHgrow(coordinates, Priority.ALWAYS);
        Button copyCoordinates = Icons.on(new Button("Copy coordinates"), Feather.COPY);
        copyCoordinates.setId("copy-coordinates");
        copyCoordinates.setOnAction(e -> copy(model.coordinatesProperty().get()));
        Button copyJson = Icons.on(new Button("Copy value JSON"), Feather.COPY);
        copyJson.setId("copy-record-json");
        copyJson.setOnAction(e -> copy(model.recordJson()));
        HBox row = new HBox(6, coordinates, copyCoordinates, copyJson);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Label muted(String id, RecordDetailViewModel model) {
        Label time = new Label();
        time.setId(id);
        time.getStyleClass().add("text-muted");
        time.textProperty().bind(model.timestampProperty());
        return time;
    }

    private static Label formatLabel(RecordDetailViewModel model) {
        Label format = new Label();
        format.setId("record-format");
        format.setWrapText(true);
        format.textProperty().bind(model.formatProperty());
        return format;
    }

    private static Label problemLabel(RecordDetailViewModel model) {
        Label problem = new Label();
        problem.setId("record-problem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return problem;
    }

    private static TabPane tabs(RecordDetailViewModel model) {
        Button loadFull = new Button("Load full value");
        loadFull.setId("load-full-value");
        loadFull.setOnAction(e -> model.loadFullValue());
        loadFull.visibleProperty().bind(model.largeValueProperty());
        loadFull.managedProperty().bind(loadFull.visibleProperty());
        VBox value = new VBox(4, loadFull, code("record-value", model.valueTextProperty()));
        TabPane tabs = new TabPane(
                tab("Value", value),
                tab("Key", code("record-key", model.keyTextProperty())),
                tab("Headers", headerTable(model)),
                tab("Raw value (hex)", code("record-hex", model.rawHexProperty())));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("record-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        return tabs;
    }

    private static TextArea code(String id, javafx.beans.value.ObservableValue<String> text) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.getStyleClass().add("message-code");
        area.textProperty().bind(text);
        VBox.setVgrow(area, Priority.ALWAYS);
        return area;
    }

    private static TableView<HeaderRow> headerTable(RecordDetailViewModel model) {
        TableView<HeaderRow> table = new TableView<>(model.headers());
        table.setId("record-headers");
        table.getStyleClass().add("dense");
        table.setPlaceholder(new Label("This record has no headers."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<HeaderRow, String> name = new TableColumn<>("Header");
        name.setPrefWidth(140);
        name.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().name()));
        TableColumn<HeaderRow, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(
                c.getValue().printable() ? c.getValue().value() : "hex: " + c.getValue().value()));
        table.getColumns().add(name);
        table.getColumns().add(value);
        return table;
    }

    private static Tab tab(String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId("record-tab-" + title.toLowerCase().replaceAll("[^a-z]+", "-").replaceAll("-$", ""));
        return tab;
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }

}
