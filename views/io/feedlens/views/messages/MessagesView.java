package io.feedlens.views.messages;

import java.time.ZoneId;

import javafx.animation.Animation;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import javafx.util.converter.IntegerStringConverter;
import io.feedlens.views.shell.Icons;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Messages tab: the search form, live figures, the bounded table of matches beside the record detail, and exports.
 * Builds controls and binds them; two timers move matches and figures onto the screen while the tab is in a window.
 */
public final class MessagesView extends BorderPane {

    /** How often waiting matches join the table: often enough to feel live, rarely enough to cost nothing. */
    static final Duration DRAIN_EVERY = Duration.millis(100);
    static final Duration FIGURES_EVERY = Duration.millis(250);

    private final MessagesViewModel model;
    private final Timeline drain;
    private final Timeline figures;
    /** Tells the readers each time the FX thread paints (see {@link io.feedlens.app.scan.ScreenPace}). */
    private final AnimationTimer pulses;

    public MessagesView(MessagesViewModel model) {
        this.model = model;
        setId("messages");
        getStylesheets().add(MessagesView.class.getResource("messages.css").toExternalForm());
        setTop(new VBox(4, modeRow(), filterRow(), filterProblem(), figuresRow()));
        MessageTable table = table();
        SplitPane split = new SplitPane(table, new RecordDetailPane(model.detail()));
        split.setOrientation(Orientation.HORIZONTAL);
        // The table is what people scan; the detail needs less width than a payload column.
        split.setDividerPositions(0.70);
        setCenter(split);
        setBottom(new ExportBar(model, table::rows));
        drain = every(DRAIN_EVERY, model::drain);
        figures = every(FIGURES_EVERY, () -> {
            model.refreshFigures();
            model.export().refresh();
        });
        pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {
                model.screenPace().painted();
            }
        };
        runTimersWhileShown();
    }

    private HBox modeRow() {
        ComboBox<BrowseMode> mode = new ComboBox<>();
        mode.setId("browse-mode");
        mode.getItems().setAll(BrowseMode.values());
        mode.valueProperty().bindBidirectional(model.modeProperty());
        TextField count = field("newest-count", 6, "N");
        count.setTextFormatter(new javafx.scene.control.TextFormatter<>(new IntegerStringConverter(), 100));
        @SuppressWarnings("unchecked")
        javafx.scene.control.TextFormatter<Integer> countFormat = (javafx.scene.control.TextFormatter<Integer>) count.getTextFormatter();
        countFormat.valueProperty().bindBidirectional(model.newestCountProperty().asObject());
        TextField offset = field("from-offset", 10, "offset");
        offset.textProperty().bindBidirectional(model.fromOffsetProperty());
        TextField from = field("from-time", 14, "from 2026-11-26 07:00");
        from.textProperty().bindBidirectional(model.fromTimeProperty());
        TextField until = field("until-time", 14, "until 2026-11-26 08:00");
        until.textProperty().bindBidirectional(model.untilTimeProperty());
        showFor(count, BrowseMode.NEWEST);
        showFor(offset, BrowseMode.FROM_OFFSET);
        showFor(from, BrowseMode.FROM_TIME, BrowseMode.BETWEEN_TIMES);
        showFor(until, BrowseMode.BETWEEN_TIMES);
        ComboBox<Integer> partition = partitionChoice();
        CheckBox committed = new CheckBox("read_committed");
        committed.setId("read-committed");
        committed.setMnemonicParsing(false); // the underscore is part of Kafka's name for it
        committed.setTooltip(new javafx.scene.control.Tooltip("Leave out records of aborted and open transactions"));
        committed.selectedProperty().bindBidirectional(model.readCommittedProperty());
        Button start = Icons.on(new Button("Search"), Feather.SEARCH);
        start.setId("start-search");
        start.setDefaultButton(true);
        start.textProperty().bind(javafx.beans.binding.Bindings.when(model.modeProperty().isEqualTo(BrowseMode.LIVE_TAIL))
                .then("Start").otherwise("Search"));
        start.setOnAction(e -> model.start());
        Button stop = Icons.on(new Button("Stop"), Feather.STOP_CIRCLE);
        stop.setId("stop-search");
        stop.disableProperty().bind(model.runningProperty().not());
        stop.setOnAction(e -> model.stop());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return row(mode, count, offset, from, until, new Label("Partition"), partition, committed, spacer, start, stop);
    }

    private HBox filterRow() {
        TextField filter = field("cel-filter", 40, "CEL filter, e.g. value.amount > 5000 && headers['ce_type'] == 'payment'");
        filter.getStyleClass().add("message-code");
        filter.textProperty().bindBidirectional(model.filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        TextField contains = field("contains", 16, "contains text");
        contains.textProperty().bindBidirectional(model.containsProperty());
        filter.setOnAction(e -> model.start());
        contains.setOnAction(e -> model.start());
        var recent = io.feedlens.views.shell.RecentMenu.of("filter-recent", model.recentFilters(), model.filterProperty()::set);
        return row(new Label("Filter"), filter, recent, new Label("Contains"), contains);
    }

    private Label filterProblem() {
        Label problem = new Label();
        problem.setId("filter-problem");
        problem.getStyleClass().addAll("problem", "filter-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.formProblemProperty());
        problem.visibleProperty().bind(model.formProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox.setMargin(problem, new Insets(0, 10, 0, 10));
        return problem;
    }

    private VBox figuresRow() {
        Label figuresText = new Label();
        figuresText.setId("scan-figures");
        figuresText.getStyleClass().add("message-figures");
        figuresText.textProperty().bind(model.figuresProperty());
        Label shown = new Label();
        shown.setId("shown-text");
        shown.getStyleClass().add("text-muted");
        shown.textProperty().bind(model.shownTextProperty());
        Label running = new Label("● running");
        running.setId("scan-running");
        running.visibleProperty().bind(model.runningProperty());
        running.managedProperty().bind(running.visibleProperty());
        Label problem = new Label();
        problem.setId("scan-problem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox.setMargin(problem, new Insets(0, 10, 4, 10));
        HBox line = row(running, figuresText, shown);
        line.setPadding(new Insets(0, 10, 4, 10));
        return new VBox(2, line, problem);
    }

    private MessageTable table() {
        MessageTable table = new MessageTable(model.rows(), MessageColumns.all(ZoneId.systemDefault()),
                "No records yet: choose how to read the topic and press Search.");
        table.setId("message-table");
        table.chosenProperty().addListener((o, before, now) -> model.detail().show(now));
        return table;
    }

    private ComboBox<Integer> partitionChoice() {
        ComboBox<Integer> partition = new ComboBox<>(model.partitionChoices());
        partition.setId("partition-choice");
        partition.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer p) {
                return p == null ? "All" : String.valueOf(p);
            }

            @Override
            public Integer fromString(String text) {
                return "All".equals(text) ? null : Integer.valueOf(text);
            }
        });
        partition.valueProperty().bindBidirectional(model.partitionProperty());
        return partition;
    }

    private void showFor(Region field, BrowseMode... modes) {
        java.util.List<BrowseMode> wanted = java.util.List.of(modes);
        field.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> wanted.contains(model.modeProperty().get()), model.modeProperty()));
        field.managedProperty().bind(field.visibleProperty());
    }

    private static TextField field(String id, int columns, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.setPromptText(prompt);
        return field;
    }

    static HBox row(javafx.scene.Node... nodes) {
        HBox row = new HBox(8, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(6, 10, 0, 10));
        for (javafx.scene.Node node : nodes) {
            if (node instanceof Label || node instanceof Button || node instanceof CheckBox) {
                ((Region) node).setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return row;
    }

    private static Timeline every(Duration period, Runnable work) {
        Timeline timeline = new Timeline(new KeyFrame(period, e -> work.run()));
        timeline.setCycleCount(Animation.INDEFINITE);
        return timeline;
    }

    /**
     * The timers run while the tab is in a window; the first time the tab is selected, "Newest 100" starts so it
     * opens with records to look at.
     */
    private void runTimersWhileShown() {
        sceneProperty().addListener((o, before, now) -> {
            if (now == null) {
                drain.stop();
                figures.stop();
                pulses.stop();
                model.screenPace().notPainting();
            } else {
                drain.play();
                figures.play();
                pulses.start();
                followTabSelection();
            }
        });
    }

    private boolean followingTab;

    private void followTabSelection() {
        if (followingTab) {
            return;
        }
        for (javafx.scene.Parent up = getParent(); up != null; up = up.getParent()) {
            if (up instanceof TabPane pane) {
                pane.getTabs().stream().filter(t -> t.getContent() == this).findFirst().ifPresent(this::follow);
                return;
            }
        }
    }

    private void follow(Tab tab) {
        followingTab = true;
        tab.selectedProperty().addListener((o, was, selected) -> {
            if (selected) {
                model.showFirstTime();
            }
        });
        model.topicProperty().addListener((o, before, now) -> {
            if (tab.isSelected()) {
                model.showFirstTime();
            }
        });
        if (tab.isSelected()) {
            model.showFirstTime();
        }
    }
}
