package io.feedlens.views.groups;

import java.time.ZoneId;
import java.util.List;

import io.feedlens.app.groups.PartitionMove;
import io.feedlens.views.Workbench;
import io.feedlens.views.groups.ResetViewModel.TargetKind;
import io.feedlens.views.topics.Columns;
import io.feedlens.views.topics.TopicFormats;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The offset reset dialog: what to reset and where to, a dry run's plan, then Apply with an explicit confirmation.
 * A window of its own, modal to the workbench, bound to a {@link ResetViewModel}.
 */
final class ResetDialog extends Stage {

    private final ResetViewModel model;

    ResetDialog(ResetViewModel model, Window owner) {
        this.model = model;
        initOwner(owner);
        initModality(Modality.WINDOW_MODAL);
        setTitle("Reset offsets of " + model.groupId());
        VBox root = new VBox(10, form(), planTable(), message("reset-summary", null), message("reset-refusal", model.refusalProperty()),
                message("reset-problem", model.problemProperty()), message("reset-outcome", model.outcomeProperty()), buttons());
        VBox.setVgrow(root.getChildren().get(1), Priority.ALWAYS);
        root.setPadding(new Insets(14));
        root.getStyleClass().add("reset-dialog");
        Label summary = (Label) root.getChildren().get(2);
        summary.textProperty().bind(Bindings.createStringBinding(model::planSummary, model.planProperty()));
        Scene scene = new Scene(root, 860, 560);
        scene.getStylesheets().add(Workbench.STYLESHEET);
        setScene(scene);
    }

    private GridPane form() {
        ComboBox<String> topic = new ComboBox<>(FXCollections.observableArrayList(model.topics()));
        topic.setId("reset-topic");
        topic.valueProperty().bindBidirectional(model.topicProperty());
        CheckBox all = new CheckBox("All partitions");
        all.setId("reset-all-partitions");
        all.selectedProperty().bindBidirectional(model.allPartitionsProperty());
        TextField chosen = new TextField();
        chosen.setId("reset-partitions");
        chosen.setPromptText("e.g. 0, 2");
        chosen.disableProperty().bind(model.allPartitionsProperty());
        chosen.textProperty().bindBidirectional(model.chosenPartitionsProperty());
        ComboBox<TargetKind> target = new ComboBox<>(FXCollections.observableArrayList(TargetKind.values()));
        target.setId("reset-target");
        target.valueProperty().bindBidirectional(model.targetKindProperty());
        TextField value = new TextField();
        value.setId("reset-target-value");
        value.promptTextProperty().bind(Bindings.createStringBinding(() -> prompt(model.targetKindProperty().get()),
                model.targetKindProperty()));
        value.disableProperty().bind(model.targetKindProperty().isEqualTo(TargetKind.EARLIEST)
                .or(model.targetKindProperty().isEqualTo(TargetKind.LATEST)));
        value.textProperty().bindBidirectional(model.targetValueProperty());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.getColumnConstraints().addAll(new ColumnConstraints(90), new ColumnConstraints(200, 320, Double.MAX_VALUE));
        grid.addRow(0, new Label("Group"), new Label(model.groupId()));
        grid.addRow(1, new Label("Topic"), topic);
        grid.addRow(2, new Label("Partitions"), new HBox(10, all, chosen));
        grid.addRow(3, new Label("Move to"), new HBox(10, target, value));
        return grid;
    }

    private static String prompt(TargetKind kind) {
        return switch (kind) {
            case DATETIME -> "2026-11-26 07:00 (local time)";
            case OFFSET -> "offset, e.g. 1200";
            case SHIFT -> "-500 to re-read, +100 to skip";
            default -> "";
        };
    }

    private TableView<PartitionMove> planTable() {
        TableView<PartitionMove> table = Columns.table("reset-plan", model.moves(),
                "Run a dry run to see, partition by partition, what the reset would do. Nothing changes until Apply.");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().addAll(List.of(
                Columns.number("Partition", 90, m -> m.partition().partition(), String::valueOf),
                Columns.number("Current", 100, PartitionMove::currentOffset, GroupFormats::records),
                Columns.number("New", 100, PartitionMove::newOffset, TopicFormats::count),
                Columns.explained(Columns.number("Records", 110, PartitionMove::records, ResetDialog::records),
                        "Positive: read again; negative: skipped"),
                Columns.text("Time span", 280, m -> m, ResetDialog::span),
                Columns.text("Note", 160, PartitionMove::note, n -> n == null ? "" : n)));
        table.getColumns().get(4).setSortable(false);
        table.setPrefHeight(220);
        return table;
    }

    private static String records(Long count) {
        if (count == null) {
            return "—";
        }
        return count > 0 ? "+" + TopicFormats.count(count) + " again" : count < 0 ? TopicFormats.count(-count) + " skipped" : "0";
    }

    private static String span(PartitionMove move) {
        if (move.spanFrom() == null) {
            return "—";
        }
        ZoneId zone = ZoneId.systemDefault();
        java.time.Duration between = move.spanTo() == null ? null : java.time.Duration.between(move.spanFrom(), move.spanTo());
        // Below a second the length says nothing a person acts on.
        String length = between == null || between.toMillis() < 1_000 ? "" : " (" + GroupFormats.lagTime(between) + ")";
        return TopicFormats.time(move.spanFrom(), zone) + " → " + TopicFormats.time(move.spanTo(), zone).substring(11) + length;
    }

    private static Label message(String id, ReadOnlyStringProperty text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        if (text != null) {
            label.textProperty().bind(text);
            label.getStyleClass().add(id.equals("reset-outcome") ? "outcome" : "problem");
            label.visibleProperty().bind(text.isEmpty().not());
            label.managedProperty().bind(label.visibleProperty());
        }
        return label;
    }

    private HBox buttons() {
        Button dryRun = new Button("Dry run");
        dryRun.setId("reset-dry-run");
        dryRun.setDefaultButton(true);
        dryRun.disableProperty().bind(model.canDryRun().not());
        dryRun.setOnAction(e -> model.dryRun());
        Button apply = new Button("Apply…");
        apply.setId("reset-apply");
        apply.getStyleClass().add("danger");
        apply.disableProperty().bind(model.canApply().not());
        apply.setOnAction(e -> confirmAndApply());
        Button close = new Button("Close");
        close.setId("reset-close");
        close.setCancelButton(true);
        close.setOnAction(e -> close());
        ProgressIndicator running = new ProgressIndicator();
        running.setPrefSize(18, 18);
        running.visibleProperty().bind(model.runningProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, dryRun, running, spacer, apply, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** Nothing is written before a person says yes to the exact effect. */
    private void confirmAndApply() {
        ButtonType reset = new ButtonType("Reset offsets", ButtonBar.ButtonData.OK_DONE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, model.confirmation(), reset, ButtonType.CANCEL);
        confirm.initOwner(this);
        confirm.setTitle("Reset offsets");
        confirm.setHeaderText("This changes where " + model.groupId() + " reads from.");
        confirm.showAndWait().filter(reset::equals).ifPresent(yes -> model.apply());
    }
}
