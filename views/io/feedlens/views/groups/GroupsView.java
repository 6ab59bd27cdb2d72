package io.feedlens.views.groups;

import java.util.List;

import io.feedlens.app.groups.ConsumerGroupLag;
import io.feedlens.app.groups.LagStatus;
import io.feedlens.views.topics.Columns;
import io.feedlens.views.topics.TopicFormats;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import io.feedlens.views.shell.Icons;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Consumer groups screen: a filterable table of every group with its lag and status above the selected group's
 * detail. Only builds controls and binds them to a {@link GroupsViewModel}.
 */
public final class GroupsView extends BorderPane {

    public static final String STYLE_CLASS = "groups-view";

    private final GroupsViewModel model;

    public GroupsView(GroupsViewModel model) {
        this.model = model;
        getStyleClass().addAll(STYLE_CLASS, "topics-view"); // the Topics screen's dense table padding
        setTop(toolbar());
        SplitPane split = new SplitPane(groupTable(), new GroupDetailPane(model.detail()));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.27);
        setCenter(split);
    }

    private HBox toolbar() {
        Label title = new Label("Consumer groups");
        title.getStyleClass().add("title-4");
        TextField filter = new TextField();
        filter.setId("group-filter");
        filter.setPromptText("Filter by group or topic");
        filter.setPrefColumnCount(20);
        filter.setMinWidth(140);
        filter.textProperty().bindBidirectional(model.filterProperty());
        Label count = new Label();
        count.setId("group-count");
        count.getStyleClass().add("text-muted");
        count.textProperty().bind(model.countText());
        Label sampled = new Label();
        sampled.setId("groups-sampled");
        sampled.getStyleClass().add("text-muted");
        sampled.textProperty().bind(model.sampledText());
        Button refresh = Icons.on(new Button("Refresh"), Feather.REFRESH_CW);
        refresh.setId("refresh-groups");
        refresh.disableProperty().bind(model.sampling().connectionProperty().isNull());
        refresh.setOnAction(e -> model.refresh());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        for (Region keepsItsWidth : new Region[] {title, count, sampled, refresh}) {
            keepsItsWidth.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(12, title, filter, spacer, count, sampled, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 12, 10, 12));
        return bar;
    }

    private TableView<ConsumerGroupLag> groupTable() {
        TableView<ConsumerGroupLag> table = Columns.table("groups", model.groups(), "");
        Label placeholder = (Label) table.getPlaceholder();
        placeholder.setId("groups-message");
        placeholder.textProperty().bind(model.emptyListText());
        // Every column in view: the status, at the right, is what people look for first.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().addAll(List.of(
                Columns.text("Group", 180, ConsumerGroupLag::groupId, g -> g),
                Columns.text("Type", 76, ConsumerGroupLag::type, t -> t),
                Columns.text("State", 150, ConsumerGroupLag::state, s -> s),
                Columns.number("Members", 84, g -> g.members().size(), String::valueOf),
                Columns.text("Topics", 200, ConsumerGroupLag::topics, t -> String.join(", ", t)),
                Columns.explained(Columns.number("Lag", 90, ConsumerGroupLag::totalLag, TopicFormats::count),
                        "Total lag: records not yet consumed, summed over the group's partitions"),
                Columns.explained(Columns.number("Lag in time", 100, ConsumerGroupLag::lagTime, GroupFormats::lagTime),
                        "How old the oldest unconsumed record is, over all partitions"),
                statusColumn()));
        Columns.followSelection(table, model.selectedProperty());
        return table;
    }

    static <S> TableColumn<S, LagStatus> statusColumn(java.util.function.Function<S, LagStatus> status) {
        TableColumn<S, LagStatus> column = Columns.text("Status", 100, status, GroupFormats::status);
        column.setComparator(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        return Columns.flagged(column, GroupFormats::status, GroupFormats::statusStyle, GroupFormats::statusMeaning);
    }

    private static TableColumn<ConsumerGroupLag, LagStatus> statusColumn() {
        return statusColumn(ConsumerGroupLag::status);
    }
}
