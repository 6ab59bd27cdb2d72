package io.feedlens.views.schemas;

import java.time.ZoneId;

import io.feedlens.app.decode.drift.SchemaChange;
import io.feedlens.app.decode.drift.SchemaSighting;
import io.feedlens.views.topics.Columns;
import io.feedlens.views.topics.TopicFormats;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import io.feedlens.views.shell.Icons;
import org.kordamp.ikonli.feather.Feather;

/** The "Schemas" tab of a topic's detail: the drift timeline as a table of schemas and a list of the changes between them. */
public final class SchemaHistoryView extends VBox {

    public SchemaHistoryView(SchemaHistoryViewModel model) {
        super(8);
        setPadding(new Insets(8, 0, 0, 0));
        Button read = Icons.on(new Button("Read schema history"), Feather.CLOCK);
        read.setId("schemas-read");
        read.disableProperty().bind(model.readingProperty());
        read.setOnAction(e -> model.read());
        Button stop = new Button("Stop");
        stop.setId("schemas-stop");
        stop.disableProperty().bind(model.readingProperty().not());
        stop.setOnAction(e -> model.stop());
        Label status = new Label();
        status.setId("schemas-status");
        status.textProperty().bind(model.statusProperty());
        HBox bar = new HBox(8, read, stop, status);
        bar.setAlignment(Pos.CENTER_LEFT);

        ZoneId zone = ZoneId.systemDefault();
        TableView<SchemaSighting> table = Columns.table("schemas", model.schemas(), "No schemas read yet.");
        table.getColumns().addAll(java.util.List.of(
                Columns.number("#", 40, SchemaSighting::number, String::valueOf),
                Columns.text("Format", 175, s -> s.format().label(), f -> f),
                Columns.text("Schema", 360, SchemaSighting::schema, s -> s),
                Columns.number("Records", 90, SchemaSighting::records, TopicFormats::count),
                Columns.text("First record", 200, s -> where(s.first()) + "  " + TopicFormats.time(s.firstTime(), zone), t -> t),
                Columns.text("Last record", 200, s -> where(s.last()) + "  " + TopicFormats.time(s.lastTime(), zone), t -> t)));
        VBox.setVgrow(table, Priority.ALWAYS);

        ListView<SchemaChange> changes = new ListView<>(model.changes());
        changes.setId("schema-changes");
        changes.setPrefHeight(110);
        changes.setPlaceholder(new Label("No changes between schemas."));
        changes.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SchemaChange change, boolean empty) {
                super.updateItem(change, empty);
                setText(empty || change == null ? null : SchemaHistoryViewModel.describe(change));
            }
        });
        Label changesTitle = new Label("Changes");
        changesTitle.getStyleClass().add("title-4");
        getChildren().addAll(bar, table, changesTitle, changes);
    }

    /** Partition and offset: the topic is the one shown, so it is left out. */
    private static String where(io.feedlens.lineage.RecordCoordinates at) {
        return "p" + at.partition() + "@" + at.offset();
    }
}
