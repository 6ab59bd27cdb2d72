package io.feedlens.views.topics;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;

import io.feedlens.app.topics.TopicSummary;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import io.feedlens.views.shell.Icons;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Topics screen: a filterable, sortable table of the cluster's topics above the selected topic's detail.
 * Only builds controls and binds them to a {@link TopicsViewModel}.
 */
public final class TopicsView extends BorderPane {

    public static final String STYLE_CLASS = "topics-view";
    /** How often the list's figures are updated while the screen is shown: feeds are live, a stale count misleads. */
    static final Duration LIST_UPDATE = Duration.seconds(10);

    private final TopicsViewModel model;
    private final TopicDetailPane detailPane;
    private final SplitPane split;
    private final TableView<TopicSummary> topicTable;
    private TableColumn<TopicSummary, String> nameColumn;

    public TopicsView(TopicsViewModel model) {
        this.model = model;
        getStyleClass().add(STYLE_CLASS);
        setTop(toolbar());
        detailPane = new TopicDetailPane(model.detail());
        topicTable = topicTable();
        split = new SplitPane(topicTable, detailPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.46);
        setCenter(split);
        keepListCurrent();
    }

    /**
     * Where later parts of the screen join the topic detail (the message browser, the schema drift timeline): a tab
     * next to Partitions, Configs and Consumer groups, following {@link TopicDetailViewModel#topicProperty()}.
     */
    public void addTopicTab(String title, javafx.scene.Node content) {
        detailPane.addTopicTab(title, content);
    }

    /** Columns that other features add to the topic list (governance's owner and classification), before Last write. */
    public void addTopicColumns(java.util.List<? extends TableColumn<TopicSummary, ?>> columns) {
        TableView<TopicSummary> table = topicTable;
        table.getColumns().addAll(table.getColumns().size() - 1, columns);
        giveNameTheRoomLeft(table, nameColumn);
    }

    /** Called with a group's id when a person double-clicks it among the groups reading the selected topic. */
    public void setOnOpenGroup(java.util.function.Consumer<String> open) {
        detailPane.setOnOpenGroup(open);
    }

    /** Selects the detail tab with this title (for a start straight into, say, the message browser). */
    public void showTopicTab(String title) {
        detailPane.showTopicTab(title);
        // Asking for a tab straight away means the detail is what is wanted: give it most of the height.
        split.setDividerPositions(0.22);
    }

    /** Updates the list periodically, only while this screen is in the window (other screens leave no load behind). */
    private void keepListCurrent() {
        Timeline updates = new Timeline(new KeyFrame(LIST_UPDATE, e -> model.refreshTopicList()));
        updates.setCycleCount(Animation.INDEFINITE);
        sceneProperty().addListener((o, before, now) -> {
            if (now == null) {
                updates.stop();
            } else {
                updates.play();
            }
        });
    }

    private HBox toolbar() {
        Label title = new Label("Topics");
        title.getStyleClass().add("title-4");
        TextField filter = new TextField();
        filter.setId("topic-filter");
        filter.setPromptText("Filter by name");
        filter.setPrefColumnCount(20);
        filter.setMinWidth(140);
        filter.textProperty().bindBidirectional(model.filterProperty());
        CheckBox internal = new CheckBox("Show internal topics");
        internal.setId("show-internal");
        internal.selectedProperty().bindBidirectional(model.showInternalProperty());

        Label count = new Label();
        count.setId("topic-count");
        count.getStyleClass().add("text-muted");
        count.textProperty().bind(model.countText());
        ProgressIndicator loading = new ProgressIndicator();
        loading.setId("topics-loading");
        loading.setPrefSize(18, 18);
        loading.visibleProperty().bind(model.loadingProperty());
        Button refresh = Icons.on(new Button("Refresh"), Feather.REFRESH_CW);
        refresh.setId("refresh-topics");
        refresh.setOnAction(e -> model.refresh());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // Only the filter box gives up width when the window is narrow; words and buttons keep theirs.
        for (Region keepsItsWidth : new Region[] {title, internal, count, loading, refresh}) {
            keepsItsWidth.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(12, title, filter, internal, spacer, count, loading, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 12, 10, 12));
        return bar;
    }

    private TableView<TopicSummary> topicTable() {
        TableView<TopicSummary> table = Columns.table("topics", model.topics(), "");
        Label placeholder = (Label) table.getPlaceholder();
        placeholder.setId("topics-message");
        placeholder.textProperty().bind(model.emptyListText());
        TableColumn<TopicSummary, String> name = nameColumn();
        nameColumn = name;
        table.getColumns().addAll(java.util.List.of(
                name,
                Columns.number("Partitions", 92, TopicSummary::partitions, String::valueOf),
                Columns.explained(Columns.number("RF", 44, TopicSummary::replicationFactor, String::valueOf),
                        "Replication factor: how many brokers hold a copy of each partition"),
                Columns.explained(warning(Columns.number("Under-rep.", 100, TopicSummary::underReplicated, String::valueOf), "cell-warning"),
                        "Under-replicated partitions: fewer replicas in sync than assigned"),
                Columns.explained(warning(Columns.number("Offline", 68, TopicSummary::offlinePartitions, String::valueOf), "cell-danger"),
                        "Offline partitions: no leader, so they can be neither read nor written"),
                Columns.explained(Columns.number("Records", 90, TopicSummary::estimatedRecords, TopicFormats::count),
                        "Estimated records: latest minus earliest offset, summed over partitions "
                                + "(an upper bound for compacted and transactional topics)"),
                Columns.explained(Columns.number("Size", 76, TopicSummary::sizeOnDiskBytes, TopicFormats::bytes),
                        "Size on disk, over all replicas"),
                retentionColumn(),
                Columns.text("Cleanup", 86, TopicSummary::cleanupPolicy, c -> c == null ? "—" : c),
                lastWriteColumn()));
        giveNameTheRoomLeft(table, name);
        Columns.followSelection(table, model.selectedProperty());
        return table;
    }

    /** Topic names are what people scan for: the name column takes the width the figures leave. */
    private static void giveNameTheRoomLeft(TableView<TopicSummary> table, TableColumn<TopicSummary, String> name) {
        double figures = table.getColumns().stream().filter(c -> c != name).mapToDouble(TableColumn::getPrefWidth).sum();
        // 20 px for the vertical scroll bar, so a long list does not bring a horizontal one.
        name.prefWidthProperty().bind(Bindings.max(name.getMinWidth(), table.widthProperty().subtract(figures + 20)));
    }

    private static TableColumn<TopicSummary, String> nameColumn() {
        // The tooltip gives the whole name where the column cuts it short.
        TableColumn<TopicSummary, String> name = Columns.flagged(Columns.text("Name", 260, TopicSummary::name, n -> n),
                n -> n, n -> null, n -> n);
        name.setMinWidth(160);
        name.setSortType(TableColumn.SortType.ASCENDING);
        return name;
    }

    private static TableColumn<TopicSummary, Integer> warning(TableColumn<TopicSummary, Integer> column, String styleClass) {
        return Columns.flagged(column, String::valueOf, n -> n != null && n > 0 ? styleClass : null, n -> null);
    }

    private static TableColumn<TopicSummary, TopicSummary> retentionColumn() {
        TableColumn<TopicSummary, TopicSummary> column = Columns.text("Retention", 108, t -> t,
                t -> TopicFormats.retention(t.retentionMs(), t.retentionBytes()));
        column.setComparator(Comparator.comparing(TopicsView::retentionForSorting));
        return column;
    }

    /** "Forever" (−1) sorts after every finite retention. */
    private static long retentionForSorting(TopicSummary topic) {
        Long ms = topic.retentionMs();
        return ms == null ? -1 : ms < 0 ? Long.MAX_VALUE : ms;
    }

    private static TableColumn<TopicSummary, Instant> lastWriteColumn() {
        TableColumn<TopicSummary, Instant> column = Columns.number("Last write", 100, TopicSummary::lastWriteTime,
                t -> TopicFormats.ago(t, Instant.now()));
        return Columns.flagged(column, t -> TopicFormats.ago(t, Instant.now()), t -> null,
                t -> t == null ? "No records" : TopicFormats.absolute(t, ZoneId.systemDefault()));
    }
}
