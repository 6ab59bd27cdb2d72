package io.feedlens.views.index;

import java.util.Locale;

import io.feedlens.app.lineage.TopicIndexState;
import io.feedlens.lineage.model.SkippedRecord;
import io.feedlens.views.topics.Columns;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import io.feedlens.views.shell.Icons;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Index screen: the lineage index of the connected cluster — its topics with how far the index has read each,
 * the records indexed per role, the rate, the records it could not use — with start, stop and rebuild.
 */
public final class IndexView extends VBox {

    private final Timeline refresher;

    public IndexView(IndexViewModel model) {
        super(8);
        setPadding(new Insets(12));
        Label state = new Label();
        state.setId("index-state");
        state.textProperty().bind(model.stateProperty());
        Label counts = new Label();
        counts.setId("index-counts");
        counts.getStyleClass().add("text-muted");
        counts.textProperty().bind(model.countsProperty());
        TableView<SkippedRecord> skipped = skippedTable(model);
        VBox.setVgrow(skipped, Priority.ALWAYS);
        getChildren().addAll(toolbar(model), state, counts, topicTable(model),
                new Label("Records the index could not use (they are counted, never silently dropped)"), skipped);
        // Figures move while the indexer runs: refresh while the screen is shown, not when it is hidden.
        refresher = new Timeline(new KeyFrame(Duration.seconds(2), e -> model.refresh()));
        refresher.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((o, before, now) -> {
            if (now == null) {
                refresher.stop();
            } else {
                model.refresh();
                refresher.play();
            }
        });
    }

    private static HBox toolbar(IndexViewModel model) {
        Button start = Icons.on(new Button("Start indexing"), Feather.PLAY);
        start.setId("index-start");
        start.disableProperty().bind(model.runningProperty().or(model.availableProperty().not()));
        start.setOnAction(e -> model.start());
        Button stop = Icons.on(new Button("Stop"), Feather.STOP_CIRCLE);
        stop.setId("index-stop");
        stop.disableProperty().bind(model.runningProperty().not());
        stop.setOnAction(e -> model.stop());
        Button rebuild = new Button("Rebuild…");
        rebuild.setId("index-rebuild");
        rebuild.disableProperty().bind(model.availableProperty().not());
        rebuild.setOnAction(e -> {
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                    "The index is emptied and every topic is read again from its beginning. Flags people set on feature"
                            + " versions are kept. Records that have left Kafka's retention will no longer be in the index.",
                    ButtonType.CANCEL, ButtonType.OK);
            confirm.setHeaderText("Rebuild the lineage index?");
            confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> model.rebuild());
        });
        Button refresh = Icons.on(new Button("Refresh"), Feather.REFRESH_CW);
        refresh.setId("index-refresh");
        refresh.setOnAction(e -> model.refresh());
        HBox bar = new HBox(8, start, stop, rebuild, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static TableView<TopicIndexState> topicTable(IndexViewModel model) {
        TableView<TopicIndexState> table = new TableView<>(model.topics());
        table.setId("index-topics");
        table.getStyleClass().add("dense");
        table.setPrefHeight(170);
        table.setPlaceholder(new Label("No indexed topics."));
        table.getColumns().add(Columns.text("Topic", 240, TopicIndexState::topic, String::valueOf));
        table.getColumns().add(Columns.text("Role", 90, s -> s.role().name().toLowerCase(Locale.ROOT), String::valueOf));
        table.getColumns().add(Columns.number("Partitions", 100, TopicIndexState::partitions, String::valueOf));
        table.getColumns().add(Columns.number("Indexed to", 120, TopicIndexState::indexedOffsets, IndexView::count));
        table.getColumns().add(Columns.number("In Kafka", 120, TopicIndexState::endOffsets, IndexView::count));
        table.getColumns().add(Columns.number("Behind", 110, TopicIndexState::behind, IndexView::count));
        return table;
    }

    private static TableView<SkippedRecord> skippedTable(IndexViewModel model) {
        TableView<SkippedRecord> table = new TableView<>(model.skipped());
        table.setId("index-skipped");
        table.getStyleClass().add("dense");
        table.setPlaceholder(new Label("Every record read so far was indexed."));
        table.getColumns().add(Columns.text("Record", 260, s -> s.coordinates().toString(), String::valueOf));
        table.getColumns().add(Columns.text("Why it was not indexed", 600, SkippedRecord::reason, String::valueOf));
        return table;
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
