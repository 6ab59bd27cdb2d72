package io.feedlens.views.groups;

import java.util.List;

import io.feedlens.app.groups.GroupMember;
import io.feedlens.app.groups.PartitionLag;
import io.feedlens.views.topics.Columns;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.apache.kafka.common.TopicPartition;
import io.feedlens.views.shell.Icons;
import org.kordamp.ikonli.feather.Feather;

/**
 * The selected group: its name and figures, its partitions and members in tabs, and its lag history chart beside
 * them; the way into an offset reset. Binds to a {@link GroupDetailViewModel}.
 */
final class GroupDetailPane extends BorderPane {

    private final GroupDetailViewModel model;

    GroupDetailPane(GroupDetailViewModel model) {
        this.model = model;
        getStyleClass().add("topic-detail");
        setTop(header());
        TabPane tabs = new TabPane(tab("Partitions", partitionTable()), tab("Members", memberTable()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // Partitions above the chart, both the full width: the partition figures need it, and a time line reads best wide.
        SplitPane split = new SplitPane(tabs, new LagChartPane(model));
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        setCenter(split);
    }

    private VBox header() {
        Label name = new Label();
        name.setId("group-detail-name");
        name.getStyleClass().add("title-4");
        Label figures = new Label(GroupDetailViewModel.NOTHING_SELECTED);
        figures.setId("group-detail-figures");
        figures.getStyleClass().add("text-muted");
        Button reset = Icons.on(new Button("Reset offsets…"), Feather.ROTATE_CCW);
        reset.setId("reset-offsets");
        reset.disableProperty().bind(model.groupProperty().isNull());
        reset.setOnAction(e -> openReset());
        model.groupProperty().addListener((o, before, now) -> {
            name.setText(now == null ? "" : now.groupId());
            figures.setText(model.figures());
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox line = new HBox(12, name, spacer, reset);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(2, line, figures);
        box.setPadding(new Insets(8, 12, 6, 12));
        return box;
    }

    private void openReset() {
        ResetViewModel reset = model.newReset();
        if (reset != null) {
            new ResetDialog(reset, getScene().getWindow()).show();
        }
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setId("tab-" + title.toLowerCase().replaceAll("[^a-z]+", "-"));
        return tab;
    }

    private TableView<PartitionLag> partitionTable() {
        TableView<PartitionLag> table = Columns.table("group-partitions", model.partitions(), "No partitions: the group has no "
                + "committed offsets and no assignment.");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().addAll(List.of(
                Columns.text("Topic", 150, PartitionLag::topic, t -> t),
                Columns.number("Partition", 84, p -> p.partition().partition(), String::valueOf),
                Columns.number("Committed", 100, PartitionLag::committedOffset, GroupFormats::records),
                Columns.explained(Columns.number("Log end", 88, PartitionLag::logEndOffset, GroupFormats::records),
                        "Log-end offset: where the next record written will go"),
                Columns.number("Lag", 80, PartitionLag::lag, GroupFormats::records),
                Columns.explained(Columns.number("Lag in time", 100, PartitionLag::lagTime, GroupFormats::lagTime),
                        "How old the oldest unconsumed record (the one at the committed offset) is"),
                Columns.explained(Columns.number("Catch-up", 90, PartitionLag::timeToCatchUp, GroupFormats::catchUp),
                        "Time to catch up at the recent consume rate; — while the group does not move"),
                GroupsView.statusColumn(PartitionLag::status),
                Columns.text("Note", 150, PartitionLag::note, n -> n == null ? "" : n)));
        return table;
    }

    private TableView<GroupMember> memberTable() {
        TableView<GroupMember> table = Columns.table("group-members", model.members(),
                "No active members: nobody consumes for this group now.");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().addAll(List.of(
                Columns.text("Client id", 200, GroupMember::clientId, c -> c),
                Columns.text("Host", 150, GroupMember::host, h -> h),
                Columns.number("Partitions", 84, m -> m.assignment().size(), String::valueOf),
                Columns.text("Assigned", 360, GroupMember::assignment, GroupDetailPane::assignment)));
        return table;
    }

    /** "payments 0, 1, 2 · refunds 0": partitions grouped by topic, as people read an assignment. */
    static String assignment(List<TopicPartition> partitions) {
        java.util.Map<String, List<Integer>> byTopic = new java.util.TreeMap<>();
        partitions.forEach(tp -> byTopic.computeIfAbsent(tp.topic(), t -> new java.util.ArrayList<>()).add(tp.partition()));
        return byTopic.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().stream().sorted().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", ")))
                .collect(java.util.stream.Collectors.joining(" · "));
    }

}
