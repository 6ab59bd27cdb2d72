package io.feedlens.views.groups;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

import io.feedlens.app.groups.ConsumerGroupLag;
import io.feedlens.app.groups.GroupsSnapshot;
import io.feedlens.views.shell.ActiveCluster;
import io.feedlens.views.topics.TopicFormats;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Consumer groups screen's state: the groups of the newest lag snapshot, narrowed by a filter, the selected
 * group and its detail. Follows the connection through {@link LagSampling}; free of controls, so tests run it with
 * {@code Runnable::run} as the UI executor.
 */
public final class GroupsViewModel {

    static final String NOT_CONNECTED = "Connect to a cluster to see its consumer groups.";
    static final String LOADING = "Reading the consumer groups…";
    static final String NO_GROUPS = "No consumer groups yet: nothing has committed offsets on this cluster.";

    private final ActiveCluster cluster;
    private final LagSampling sampling;
    private final ObservableList<ConsumerGroupLag> allGroups = FXCollections.observableArrayList();
    private final FilteredList<ConsumerGroupLag> shownGroups = new FilteredList<>(allGroups);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<ConsumerGroupLag> selected = new SimpleObjectProperty<>();
    private final GroupDetailViewModel detail;
    /** A group asked for by id (from the Topics screen) before the snapshot that holds it arrived. */
    private String wanted;
    /** Replacing the rows makes a table move its selection about; those moves are not a person's choice. */
    private boolean replacingRows;

    public GroupsViewModel(ActiveCluster cluster, LagSampling sampling, Executor ui) {
        this.cluster = cluster;
        this.sampling = sampling;
        this.detail = new GroupDetailViewModel(sampling, ui);
        shownGroups.predicateProperty().bind(Bindings.createObjectBinding(this::shownOnes, filter));
        selected.addListener((o, before, now) -> {
            if (!replacingRows) {
                detail.show(now);
            }
        });
        sampling.latestProperty().addListener((o, before, now) -> show(now));
    }

    // Properties

    public ObservableList<ConsumerGroupLag> groups() {
        return shownGroups;
    }

    /** Part of a group id or of a topic it reads; case does not matter. */
    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<ConsumerGroupLag> selectedProperty() {
        return selected;
    }

    public GroupDetailViewModel detail() {
        return detail;
    }

    public LagSampling sampling() {
        return sampling;
    }

    /** What the empty list says instead: not connected, loading, failed, no groups, or no match. */
    public StringBinding emptyListText() {
        return Bindings.createStringBinding(this::emptyText, cluster.stateProperty(), sampling.latestProperty(),
                sampling.problemProperty(), allGroups, filter);
    }

    /** "12 groups · 3 behind", or "2 of 12 groups" while a filter narrows them. */
    public StringBinding countText() {
        return Bindings.createStringBinding(() -> {
            long behind = allGroups.stream().filter(g -> g.status() != null && g.status().compareTo(
                    io.feedlens.app.groups.LagStatus.OK) > 0).count();
            String total = TopicFormats.count(allGroups.size()) + (allGroups.size() == 1 ? " group" : " groups");
            String count = shownGroups.size() == allGroups.size() ? total : shownGroups.size() + " of " + total;
            return behind == 0 ? count : count + " · " + behind + " not OK";
        }, allGroups, shownGroups);
    }

    /** When the shown figures were taken: "sampled 07:41:02". */
    public StringBinding sampledText() {
        return Bindings.createStringBinding(() -> {
            GroupsSnapshot snapshot = sampling.latestProperty().get();
            return snapshot == null ? "" : "sampled " + TopicFormats.time(snapshot.takenAt(), java.time.ZoneId.systemDefault())
                    .substring(11);
        }, sampling.latestProperty());
    }

    // Commands

    public CompletableFuture<GroupsSnapshot> refresh() {
        return sampling.refresh();
    }

    /** Selects the group with this id now, or as soon as a snapshot holds it. */
    public void select(String groupId) {
        filter.set("");
        wanted = groupId;
        allGroups.stream().filter(g -> g.groupId().equals(groupId)).findFirst().ifPresent(g -> {
            wanted = null;
            selected.set(g);
        });
    }

    private void show(GroupsSnapshot snapshot) {
        String selectedId = wanted != null ? wanted : selected.get() == null ? null : selected.get().groupId();
        replacingRows = true;
        try {
            allGroups.setAll(snapshot == null ? java.util.List.of() : snapshot.groups());
        } finally {
            replacingRows = false;
        }
        // Keep the selection across snapshots with the new figures; else start with the first shown group.
        ConsumerGroupLag again = allGroups.stream().filter(g -> g.groupId().equals(selectedId)).findFirst()
                .orElse(shownGroups.isEmpty() ? null : shownGroups.get(0));
        if (again != null && again.groupId().equals(wanted)) {
            wanted = null;
        }
        replacingRows = true;
        try {
            selected.set(again);
        } finally {
            replacingRows = false;
        }
        detail.show(again); // with the new figures, and the history that grew by a sample
    }

    private String emptyText() {
        String problem = sampling.problemProperty().get();
        if (!problem.isEmpty()) {
            return problem;
        }
        if (!allGroups.isEmpty()) {
            return "No group or topic contains '" + filter.get().trim() + "'.";
        }
        ActiveCluster.State state = cluster.stateProperty().get();
        if (state == ActiveCluster.State.CONNECTING) {
            return "Connecting…";
        }
        if (state != ActiveCluster.State.CONNECTED) {
            return state == ActiveCluster.State.FAILED ? cluster.messageProperty().get() : NOT_CONNECTED;
        }
        if (sampling.latestProperty().get() == null) {
            return LOADING;
        }
        return NO_GROUPS;
    }

    private Predicate<ConsumerGroupLag> shownOnes() {
        String part = filter.get() == null ? "" : filter.get().trim().toLowerCase(Locale.ROOT);
        return group -> part.isEmpty() || group.groupId().toLowerCase(Locale.ROOT).contains(part)
                || group.topics().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(part));
    }

    /** The message a failure carries; FeedLens's own problems are already written for people. */
    static String reason(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
