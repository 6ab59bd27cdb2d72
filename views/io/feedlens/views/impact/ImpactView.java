package io.feedlens.views.impact;

import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Consumer;

import io.feedlens.lineage.model.FeatureVersion;
import io.feedlens.lineage.store.DecisionUse;
import io.feedlens.lineage.store.ModelVersionUse;
import io.feedlens.views.topics.Columns;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import io.feedlens.views.shell.Icons;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Impact screen: pick a feature view version and see every decision that used it, per model version with the
 * time range, then the decisions themselves (double-click one to trace it); flag the version as wrong; export CSV.
 */
public final class ImpactView extends VBox {

    public ImpactView(ImpactViewModel model, Consumer<ImpactViewModel.ToTrace> traceDecision) {
        super(8);
        setPadding(new Insets(12));
        Label message = new Label();
        message.setId("impact-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        Label flag = new Label();
        flag.setId("impact-flag");
        flag.getStyleClass().add("problem");
        model.reportProperty().addListener((o, before, now) ->
                flag.setText(now == null || now.flagReason() == null ? "" : "⚑ flagged as wrong: " + now.flagReason()));
        flag.visibleProperty().bind(flag.textProperty().isNotEmpty());
        flag.managedProperty().bind(flag.visibleProperty());
        TableView<ModelVersionUse> perModel = perModelTable(model);
        TableView<DecisionUse> decisions = decisionTable(model, traceDecision);
        VBox.setVgrow(decisions, Priority.ALWAYS);
        getChildren().addAll(toolbar(model), message, flag, new Label("Per model version"), perModel,
                new Label("Decisions (double-click to trace)"), decisions);
    }

    private HBox toolbar(ImpactViewModel model) {
        ComboBox<FeatureVersion> version = new ComboBox<>(model.versions());
        version.setId("impact-version");
        version.setPromptText("Feature view version");
        version.valueProperty().bindBidirectional(model.versionProperty());
        version.setOnShowing(e -> model.refreshVersions());
        Button flag = Icons.on(new Button("Flag as wrong…"), Feather.FLAG);
        flag.setId("impact-flag-button");
        flag.disableProperty().bind(model.versionProperty().isNull());
        flag.setOnAction(e -> {
            TextInputDialog ask = new TextInputDialog();
            ask.setTitle("Flag " + model.versionProperty().get() + " as wrong");
            ask.setHeaderText("Every trace and impact that touches " + model.versionProperty().get() + " will show this reason.");
            ask.setContentText("Reason:");
            ask.showAndWait().map(String::strip).filter(reason -> !reason.isEmpty()).ifPresent(model::flag);
        });
        Button unflag = new Button("Remove flag");
        unflag.setId("impact-unflag-button");
        unflag.disableProperty().bind(model.reportProperty().isNull());
        unflag.setOnAction(e -> model.unflag());
        Button export = Icons.on(new Button("Export CSV…"), Feather.DOWNLOAD);
        export.setId("impact-export");
        export.disableProperty().bind(model.versionProperty().isNull());
        export.setOnAction(e -> export(model));
        HBox bar = new HBox(8, new Label("Feature version"), version, flag, unflag, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void export(ImpactViewModel model) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the decisions that used " + model.versionProperty().get());
        chooser.setInitialFileName("decisions-using-" + model.versionProperty().get().toString().replace('@', '-') + ".csv");
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            model.exportCsv(file.toPath());
        }
    }

    private static TableView<ModelVersionUse> perModelTable(ImpactViewModel model) {
        TableView<ModelVersionUse> table = new TableView<>(model.byModelVersion());
        table.setId("impact-per-model");
        table.getStyleClass().add("dense");
        table.setPrefHeight(130);
        table.setPlaceholder(new Label("No decisions to show."));
        table.getColumns().add(Columns.text("Model", 200, ModelVersionUse::modelId, String::valueOf));
        table.getColumns().add(Columns.text("Model version", 120, ModelVersionUse::modelVersion, String::valueOf));
        table.getColumns().add(Columns.number("Decisions", 110, ModelVersionUse::decisions, n -> String.format(Locale.ROOT, "%,d", n)));
        table.getColumns().add(Columns.text("First", 170, ModelVersionUse::first, ImpactView::time));
        table.getColumns().add(Columns.text("Last", 170, ModelVersionUse::last, ImpactView::time));
        return table;
    }

    private static TableView<DecisionUse> decisionTable(ImpactViewModel model, Consumer<ImpactViewModel.ToTrace> traceDecision) {
        TableView<DecisionUse> table = new TableView<>(model.decisions());
        table.setId("impact-decisions");
        table.getStyleClass().add("dense");
        table.setPlaceholder(new Label("Pick a feature version to list the decisions that used it."));
        table.getColumns().add(Columns.text("Decision", 220, DecisionUse::decisionId, String::valueOf));
        table.getColumns().add(Columns.text("Decided at", 170, DecisionUse::decidedAt, ImpactView::time));
        table.getColumns().add(Columns.text("Model", 200, DecisionUse::modelId, String::valueOf));
        table.getColumns().add(Columns.text("Model version", 120, DecisionUse::modelVersion, String::valueOf));
        table.setRowFactory(t -> {
            TableRow<DecisionUse> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    traceDecision.accept(model.toTrace(row.getItem()));
                }
            });
            return row;
        });
        return table;
    }

    private static String time(Instant at) {
        return at == null ? "" : ImpactText.TIME.format(at.atZone(ZoneId.systemDefault()));
    }
}
