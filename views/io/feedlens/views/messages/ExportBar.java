package io.feedlens.views.messages;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import io.feedlens.app.decode.DecodedRecord;
import io.feedlens.app.export.ExportFormat;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import io.feedlens.views.shell.Icons;
import org.kordamp.ikonli.feather.Feather;

/** Export shown rows or all matches to JSON Lines or CSV, with a progress bar and cancel. Asks for the file here only. */
final class ExportBar extends HBox {

    private final MessagesViewModel model;
    private final ComboBox<ExportFormat> format = new ComboBox<>();

    ExportBar(MessagesViewModel model, Supplier<List<DecodedRecord>> shown) {
        super(8);
        this.model = model;
        ExportViewModel export = model.export();
        format.setId("export-format");
        format.getItems().setAll(ExportFormat.values());
        format.setValue(ExportFormat.JSON_LINES);
        Button exportShown = Icons.on(new Button("Export shown…"), Feather.DOWNLOAD);
        exportShown.setId("export-shown");
        exportShown.disableProperty().bind(export.runningProperty().or(javafx.beans.binding.Bindings.isEmpty(model.rows())));
        exportShown.setOnAction(e -> chooseFile("shown").ifPresent(file -> export.exportShown(shown.get(), file, format.getValue())));
        Button exportAll = Icons.on(new Button("Export all matches…"), Feather.DOWNLOAD);
        exportAll.setId("export-all");
        exportAll.disableProperty().bind(export.runningProperty().or(export.searchAvailableProperty().not()));
        exportAll.setOnAction(e -> chooseFile("matches").ifPresent(file -> export.exportAllMatches(file, format.getValue())));
        ProgressBar progress = new ProgressBar();
        progress.setId("export-progress");
        progress.progressProperty().bind(export.progressProperty());
        progress.visibleProperty().bind(export.runningProperty());
        Button cancel = new Button("Cancel export");
        cancel.setId("cancel-export");
        cancel.visibleProperty().bind(export.runningProperty());
        cancel.setOnAction(e -> export.cancel());
        Label status = new Label();
        status.setId("export-status");
        status.getStyleClass().add("text-muted");
        status.textProperty().bind(export.statusProperty());
        getChildren().addAll(exportShown, exportAll, new Label("as"), format, progress, cancel, status);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setPadding(new Insets(6, 10, 6, 10));
    }

    private java.util.Optional<Path> chooseFile(String what) {
        ExportFormat chosen = format.getValue();
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + what + " as " + chosen.label());
        String topic = model.topicProperty().get().replaceAll("[^A-Za-z0-9._-]", "_");
        chooser.setInitialFileName(topic + "-" + what + "." + chosen.extension());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(chosen.label(), "*." + chosen.extension()));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        return java.util.Optional.ofNullable(file).map(File::toPath);
    }
}
