package io.feedlens.views.topics;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

import io.feedlens.app.topics.PartitionDetail;
import io.feedlens.app.topics.ReadingGroup;
import io.feedlens.app.topics.TopicDetail;
import io.feedlens.app.topics.TopicSetting;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The selected topic: a heading with its figures, then tabs for its partitions, its configs and the consumer groups
 * that read it. In place of the tabs, a plain sentence when there is nothing to show (nothing selected, topic gone).
 */
final class TopicDetailPane extends VBox {

    private final TopicDetailViewModel model;
    private final TabPane tabs = new TabPane();

    private java.util.function.Consumer<String> openGroup = groupId -> { };

    /** What a double-click on a reading group does: the workbench opens it in the Consumer groups screen. */
    void setOnOpenGroup(java.util.function.Consumer<String> open) {
        openGroup = open;
    }

    TopicDetailPane(TopicDetailViewModel model) {
        this.model = model;
        getStyleClass().add("topic-detail");
        setPadding(new Insets(10, 12, 8, 12));
        setSpacing(8);
        tabs.setId("topic-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(
                tab("Partitions", partitionTable()),
                tab("Configs", settingsBox()),
                tab("Consumer groups", groupTable()));
        // Later parts of the Topics screen add their tabs here with addTopicTab, next to the three above:
        // the message browser and the schema drift timeline. Until they exist the pane shows no tab for them.

        Label message = new Label();
        message.setId("topic-detail-message");
        message.getStyleClass().add("text-muted");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.detailProperty().isNull());
        tabs.visibleProperty().bind(model.detailProperty().isNotNull());
        StackPane body = new StackPane(tabs, message);
        StackPane.setAlignment(message, Pos.TOP_LEFT);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(heading(), body);
    }

    /**
     * Adds a tab about the selected topic (the place for the message browser and the schema drift timeline).
     * The tab's content follows the selection through {@link TopicDetailViewModel#topicProperty()}.
     */
    void addTopicTab(String title, Node content) {
        tabs.getTabs().add(tab(title, content));
    }

    void showTopicTab(String title) {
        tabs.getTabs().stream().filter(t -> title.equals(t.getText())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private HBox heading() {
        Label name = new Label();
        name.setId("topic-detail-name");
        name.getStyleClass().add("title-4");
        name.textProperty().bind(model.topicProperty());
        Label figures = new Label();
        figures.setId("topic-detail-figures");
        figures.getStyleClass().add("text-muted");
        figures.textProperty().bind(Bindings.createStringBinding(() -> figures(model.detailProperty().get()),
                model.detailProperty()));
        HBox heading = new HBox(12, name, figures);
        heading.setAlignment(Pos.BASELINE_LEFT);
        return heading;
    }

    static String figures(TopicDetail detail) {
        if (detail == null) {
            return "";
        }
        long records = detail.partitions().stream().mapToLong(PartitionDetail::records).sum();
        long overrides = detail.settings().stream().filter(TopicSetting::nonDefault).count();
        int groups = detail.readingGroups().size();
        return (detail.internal() ? "internal · " : "") + detail.partitions().size() + " partitions · "
                + TopicFormats.count(records) + (records == 1 ? " record · " : " records · ") + overrides + " non-default configs · "
                + groups + (groups == 1 ? " group reads it" : " groups read it");
    }

    private static Tab tab(String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId("tab-" + title.toLowerCase().replaceAll("[^a-z]+", "-"));
        return tab;
    }

    private TableView<PartitionDetail> partitionTable() {
        TableView<PartitionDetail> table = Columns.table("partitions", model.partitions(), "No partitions.");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().addAll(List.of(
                Columns.number("Partition", 80, PartitionDetail::partition, String::valueOf),
                Columns.group("Brokers",
                        Columns.text("Leader", 70, PartitionDetail::leader, l -> l == null ? "offline" : String.valueOf(l)),
                        Columns.text("Replicas", 84, PartitionDetail::replicas, TopicDetailPane::brokers),
                        Columns.explained(Columns.text("ISR", 60, PartitionDetail::inSyncReplicas, TopicDetailPane::brokers),
                                "In-sync replicas: the replicas that are up to date with the leader")),
                Columns.group("Offsets",
                        Columns.number("Earliest", 90, PartitionDetail::earliestOffset, TopicDetailPane::offset),
                        Columns.number("Latest", 90, PartitionDetail::latestOffset, TopicDetailPane::offset),
                        Columns.number("Records", 90, PartitionDetail::records, TopicFormats::count)),
                Columns.group("Record times",
                        timeColumn("First", PartitionDetail::firstRecordTime,
                                "Timestamp of the oldest record still kept"),
                        timeColumn("Last", PartitionDetail::lastRecordTime,
                                "The newest record timestamp in the partition"))));
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(PartitionDetail partition, boolean empty) {
                super.updateItem(partition, empty);
                getStyleClass().remove("row-warning");
                if (!empty && partition != null && (partition.leader() == null || partition.underReplicated())) {
                    getStyleClass().add("row-warning");
                }
            }
        });
        return table;
    }

    /** To the second in the cell; the tooltip adds milliseconds, zone and how long ago. */
    private static TableColumn<PartitionDetail, Instant> timeColumn(String title, Function<PartitionDetail, Instant> time,
                                                                    String meaning) {
        TableColumn<PartitionDetail, Instant> column = Columns.number(title, 160, time, t -> "");
        Columns.flagged(column, t -> TopicFormats.time(t, ZoneId.systemDefault()), t -> null,
                t -> t == null ? null : TopicFormats.absolute(t, ZoneId.systemDefault()) + " (" + TopicFormats.ago(t, Instant.now()) + ")");
        return Columns.explained(column, meaning);
    }

    private static String brokers(List<Integer> ids) {
        return ids.isEmpty() ? "none" : String.join(", ", ids.stream().map(String::valueOf).toList());
    }

    private static String offset(Long offset) {
        return offset == null || offset < 0 ? "?" : TopicFormats.count(offset);
    }

    private VBox settingsBox() {
        CheckBox nonDefaultOnly = new CheckBox("Non-default only");
        nonDefaultOnly.setId("non-default-only");
        nonDefaultOnly.selectedProperty().bindBidirectional(model.nonDefaultOnlyProperty());
        Label legend = new Label("Values that differ from Kafka's defaults are in bold.");
        legend.getStyleClass().add("text-muted");
        HBox bar = new HBox(16, nonDefaultOnly, legend);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 0, 8, 0));

        TableView<TopicSetting> table = Columns.table("configs", model.settings(), "Every config of this topic has Kafka's default value.");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(
                Columns.text("Config", 300, TopicSetting::name, n -> n),
                Columns.text("Value", 300, s -> s, s -> s.sensitive() ? "(hidden)" : s.value() == null ? "" : s.value()),
                Columns.text("Comes from", 180, TopicSetting::origin, o -> o)));
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(TopicSetting setting, boolean empty) {
                super.updateItem(setting, empty);
                getStyleClass().remove("non-default");
                if (!empty && setting != null && setting.nonDefault()) {
                    getStyleClass().add("non-default");
                }
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(bar, table);
    }

    private TableView<ReadingGroup> groupTable() {
        TableView<ReadingGroup> table = Columns.table("reading-groups", model.readingGroups(),
                "No consumer group has committed offsets on this topic.");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(
                Columns.text("Group", 320, ReadingGroup::groupId, g -> g),
                Columns.text("State", 110, ReadingGroup::state, s -> s),
                Columns.number("Partitions committed", 160, ReadingGroup::committedPartitions, String::valueOf),
                Columns.number("Lag (records)", 120, ReadingGroup::lag, TopicFormats::count)));
        table.setTooltip(new javafx.scene.control.Tooltip("Double-click a group to open it in the Consumer groups screen"));
        table.setRowFactory(view -> {
            javafx.scene.control.TableRow<ReadingGroup> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    openGroup.accept(row.getItem().groupId());
                }
            });
            return row;
        });
        return table;
    }
}
