package io.feedlens.views.trace;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.report.FlagWords;
import io.feedlens.lineage.model.FeatureVersion;
import io.feedlens.lineage.trace.Trace;
import io.feedlens.views.messages.RecordDetailPane;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;
import io.feedlens.views.shell.Icons;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Trace screen: a decision id box with completion from the index and the recent traces, the lineage graph, the
 * timeline under it, and on the right the record behind the selected box, fetched from Kafka.
 */
public final class TraceView extends BorderPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final TraceViewModel model;
    private final FlowPane flags = new FlowPane(4, 2);
    private final Label summary = new Label();

    public TraceView(TraceViewModel model, Supplier<RecordDecoder> decoder, Consumer<FeatureVersion> whoElseUsed) {
        this.model = model;
        getStylesheets().add(TraceView.class.getResource("trace.css").toExternalForm());
        setTop(new VBox(6, toolbar(), messageLine(), summaryRow()));
        setCenter(body(decoder, whoElseUsed));
        model.traceProperty().addListener((o, before, now) -> showSummary(now));
        BorderPane.setMargin(getTop(), new Insets(10, 12, 6, 12));
    }

    private HBox toolbar() {
        TextField decisionId = new TextField();
        decisionId.setId("trace-decision-id");
        decisionId.setPromptText("Decision id, e.g. d-000042");
        decisionId.setPrefColumnCount(22);
        decisionId.textProperty().bindBidirectional(model.decisionIdProperty());
        decisionId.setOnAction(e -> model.trace());
        TextFields.bindAutoCompletion(decisionId, request -> model.completions(request.getUserText()));
        Button trace = Icons.on(new Button("Trace"), Feather.GIT_MERGE);
        trace.setId("trace-button");
        trace.setDefaultButton(false);
        trace.setOnAction(e -> model.trace());
        trace.disableProperty().bind(model.busyProperty());
        MenuButton recent = io.feedlens.views.shell.RecentMenu.of("trace-recent", model.recent(), model::trace);
        Button report = Icons.on(new Button("Export audit report…"), Feather.FILE_TEXT);
        report.setId("trace-export-report");
        report.disableProperty().bind(model.traceProperty().isNull());
        report.setOnAction(e -> {
            javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
            chooser.setTitle("Folder for the audit report of " + model.traceProperty().get().decisionId());
            java.io.File folder = chooser.showDialog(getScene().getWindow());
            if (folder != null) {
                model.exportReport(folder.toPath());
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label label = new Label("Decision");
        for (javafx.scene.control.Control fixed : new javafx.scene.control.Control[] {label, trace, recent, report}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, label, decisionId, trace, recent, spacer, report);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Label messageLine() {
        Label message = new Label();
        message.setId("trace-message");
        message.getStyleClass().add("text-muted");
        message.textProperty().bind(model.messageProperty());
        return message;
    }

    private VBox summaryRow() {
        summary.setId("trace-summary");
        summary.getStyleClass().add("trace-summary");
        summary.setMinWidth(Region.USE_PREF_SIZE);
        flags.setId("trace-flags");
        // The legend in words on screen, not only in a tooltip: a reviewer should not have to hover to read a flag.
        Label legend = new Label("Legend: " + FlagWords.legend().stream().map(FlagWords::label)
                .collect(java.util.stream.Collectors.joining("  ")));
        legend.setId("trace-legend");
        legend.getStyleClass().add("text-muted");
        StringBuilder text = new StringBuilder();
        for (FlagWords words : FlagWords.legend()) {
            text.append(words.label()).append(": ").append(words.meaning()).append('\n');
        }
        legend.setTooltip(new Tooltip(text.toString().strip()));
        HBox row = new HBox(10, summary, flags);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, row, legend);
    }

    private void showSummary(Trace trace) {
        flags.getChildren().clear();
        if (trace == null) {
            summary.setText("");
            return;
        }
        summary.setText(trace.decisionId() + " · " + trace.modelId() + " " + trace.modelVersion() + " · " + trace.entity()
                + " · " + TIME.format(trace.decidedAt().atZone(ZoneId.systemDefault())));
        if (trace.flags().isEmpty()) {
            Label none = new Label("✓ no flags");
            none.getStyleClass().addAll("flag", "flag-none");
            flags.getChildren().add(none);
        } else {
            flags.getChildren().setAll(FlagLook.badges(trace.flags()).getChildren());
        }
    }

    /** The graph across the whole width; under it the timeline, and beside that the selected box's record. */
    private SplitPane body(Supplier<RecordDecoder> decoder, Consumer<FeatureVersion> whoElseUsed) {
        ScrollPane graph = new ScrollPane(new LineageGraphPane(model, decoder));
        graph.setId("trace-graph-scroll");
        graph.getStyleClass().add("edge-to-edge");
        Label timelineTitle = new Label("Timeline · each input's freshness at the decision, its TTL marked");
        timelineTitle.getStyleClass().add("section-title");
        ScrollPane timeline = new ScrollPane(new TimelinePane(model));
        timeline.setFitToWidth(true);
        timeline.getStyleClass().add("edge-to-edge");
        VBox timelineBox = new VBox(4, timelineTitle, timeline);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        timelineBox.setPadding(new Insets(6, 6, 8, 12));
        SplitPane bottom = new SplitPane(timelineBox, selectedRecord(whoElseUsed));
        bottom.setDividerPositions(0.58);
        SplitPane split = new SplitPane(graph, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        return split;
    }

    private VBox selectedRecord(Consumer<FeatureVersion> whoElseUsed) {
        Label title = new Label("Select a box to read its record from Kafka.");
        title.setId("trace-selected-title");
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        model.selectedProperty().addListener((o, before, now) -> title.setText(now == null
                ? "Select a box to read its record from Kafka."
                : TraceBoxes.kind(model.traceProperty().get(), now) + " · " + TraceBoxes.id(model.traceProperty().get(), now)));
        Label problem = new Label();
        problem.setId("trace-selected-problem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.selectedProblemProperty());
        problem.visibleProperty().bind(model.selectedProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Button whoElse = new Button("Who else used this version?");
        whoElse.setId("trace-who-else");
        whoElse.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.selectedVersion().isPresent(), model.selectedProperty()));
        whoElse.managedProperty().bind(whoElse.visibleProperty());
        whoElse.setOnAction(e -> model.selectedVersion().ifPresent(whoElseUsed));
        RecordDetailPane record = new RecordDetailPane(model.recordDetail());
        VBox.setVgrow(record, Priority.ALWAYS);
        VBox box = new VBox(6, title, whoElse, problem, record);
        box.setPadding(new Insets(6, 12, 8, 6));
        box.setMinWidth(280);
        return box;
    }
}
