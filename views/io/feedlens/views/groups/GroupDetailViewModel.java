package io.feedlens.views.groups;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

import io.feedlens.app.groups.ConsumerGroupLag;
import io.feedlens.app.groups.GroupHistory;
import io.feedlens.app.groups.GroupMember;
import io.feedlens.app.groups.LagPoint;
import io.feedlens.app.groups.PartitionLag;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected group: its members, its partitions with their lag, and its lag history over the last hour or day,
 * in records or in seconds. The history is read from H2 off the UI thread; an older answer arriving late is dropped.
 */
public final class GroupDetailViewModel {

    /** How far back the chart looks. */
    public enum Span {
        HOUR(Duration.ofHours(1)), DAY(Duration.ofDays(1));

        final Duration length;

        Span(Duration length) {
            this.length = length;
        }
    }

    /** What the chart counts: records behind, or the age of the oldest unconsumed record. */
    public enum Unit { RECORDS, SECONDS }

    static final String NOTHING_SELECTED = "Select a group to see its members, partitions and lag history.";

    private final LagSampling sampling;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<ConsumerGroupLag> group = new ReadOnlyObjectWrapper<>();
    private final ObservableList<GroupMember> members = FXCollections.observableArrayList();
    private final ObservableList<PartitionLag> partitions = FXCollections.observableArrayList();
    private final ObservableList<LagPoint> history = FXCollections.observableArrayList();
    /** Each partition's own history, "topic/partition" in order; drawn instead of the total when asked for. */
    private final javafx.collections.ObservableMap<String, List<LagPoint>> partitionHistory =
            FXCollections.observableMap(new java.util.TreeMap<>());
    private final javafx.beans.property.BooleanProperty perPartition = new javafx.beans.property.SimpleBooleanProperty(false);
    private final ObjectProperty<Span> span = new SimpleObjectProperty<>(Span.HOUR);
    private final ObjectProperty<Unit> unit = new SimpleObjectProperty<>(Unit.RECORDS);
    private final ReadOnlyStringWrapper historyMessage = new ReadOnlyStringWrapper("");
    private long request;

    GroupDetailViewModel(LagSampling sampling, Executor ui) {
        this.sampling = sampling;
        this.ui = ui;
        span.addListener((o, before, now) -> loadHistory());
    }

    // Properties

    /** The group shown, with the figures of the newest snapshot; null when none is selected. */
    public ReadOnlyObjectProperty<ConsumerGroupLag> groupProperty() {
        return group.getReadOnlyProperty();
    }

    public ObservableList<GroupMember> members() {
        return members;
    }

    public ObservableList<PartitionLag> partitions() {
        return partitions;
    }

    /** The group's total lag over the chosen span, oldest first. */
    public ObservableList<LagPoint> history() {
        return history;
    }

    public javafx.collections.ObservableMap<String, List<LagPoint>> partitionHistory() {
        return partitionHistory;
    }

    /** Whether the chart shows one line per partition rather than the group's total. */
    public javafx.beans.property.BooleanProperty perPartitionProperty() {
        return perPartition;
    }

    public ObjectProperty<Span> spanProperty() {
        return span;
    }

    public ObjectProperty<Unit> unitProperty() {
        return unit;
    }

    /** Why the chart is empty ("no history yet") or could not be read; empty when it shows points. */
    public ReadOnlyStringProperty historyMessageProperty() {
        return historyMessage.getReadOnlyProperty();
    }

    /** "Stable · classic · range · 2 members · 1 topic"; for the line under the group's name. */
    public String figures() {
        ConsumerGroupLag shown = group.get();
        if (shown == null) {
            return NOTHING_SELECTED;
        }
        String assignor = shown.assignor() == null || shown.assignor().isEmpty() ? "" : " · " + shown.assignor();
        String coordinator = shown.coordinator() == null ? "" : " · coordinator " + shown.coordinator().id();
        String problem = shown.problem() == null ? "" : " · ⚠ " + shown.problem();
        return shown.state() + " · " + shown.type() + assignor + coordinator + " · " + plural(shown.members().size(), "member")
                + " · " + plural(shown.topics().size(), "topic") + problem;
    }

    /** The chart's value of a point in the chosen unit; null where the lag in time is unknown. */
    public Number chartValue(LagPoint point) {
        if (unit.get() == Unit.RECORDS) {
            return point.lagRecords();
        }
        return point.lagTime() == null ? null : point.lagTime().toMillis() / 1000.0;
    }

    public Duration spanLength() {
        return span.get().length;
    }

    // Commands

    /** Shows the group (or nothing) and reads its history again. */
    void show(ConsumerGroupLag shown) {
        group.set(shown);
        members.setAll(shown == null ? List.of() : shown.members());
        partitions.setAll(shown == null ? List.of() : shown.partitions());
        loadHistory();
    }

    /** A reset dialog's state for this group, on the live connection; null while not connected. */
    public ResetViewModel newReset() {
        LagSampling.Connection connection = sampling.connectionProperty().get();
        ConsumerGroupLag shown = group.get();
        if (connection == null || shown == null) {
            return null;
        }
        ResetViewModel reset = new ResetViewModel(shown, connection.profile(), ResetViewModel.Commands.of(connection.resets()), ui);
        // An applied reset shows in the list and the detail at once, not at the next sample.
        reset.outcomeProperty().addListener((o, before, now) -> {
            if (!now.isEmpty()) {
                sampling.refresh();
            }
        });
        return reset;
    }

    private void loadHistory() {
        long thisRequest = ++request;
        ConsumerGroupLag shown = group.get();
        LagSampling.Connection connection = sampling.connectionProperty().get();
        if (shown == null || connection == null) {
            history.clear();
            partitionHistory.clear();
            historyMessage.set("");
            return;
        }
        connection.history().history(shown.groupId(), span.get().length).whenCompleteAsync((read, failure) -> {
            if (thisRequest == request) {
                showHistory(read, failure);
            }
        }, ui);
    }

    private void showHistory(GroupHistory read, Throwable failure) {
        if (failure != null) {
            history.clear();
            partitionHistory.clear();
            historyMessage.set("The lag history could not be read: " + GroupsViewModel.reason(failure));
            return;
        }
        java.util.Map<String, List<LagPoint>> byPartition = new java.util.TreeMap<>();
        read.perPartition().forEach((partition, points) -> byPartition.put(partition.topic() + "/" + partition.partition(), points));
        partitionHistory.clear();
        partitionHistory.putAll(byPartition);
        history.setAll(read.total());
        historyMessage.set(read.total().size() < 2
                ? "No history yet: FeedLens samples lag every 10 s while connected; the chart fills as it does." : "");
    }

    private static String plural(int count, String word) {
        return count + " " + word + (count == 1 ? "" : "s");
    }
}
