package io.feedlens.views.topics;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

import io.feedlens.app.cluster.ClusterSession;
import io.feedlens.app.topics.TopicService;
import io.feedlens.app.topics.TopicSummary;
import io.feedlens.views.shell.ActiveCluster;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The Topics screen's state and commands: the connected cluster's topics, narrowed by a filter and by whether
 * internal topics are wanted, the selected topic and its detail. Reloads whenever the window connects to a cluster.
 * Free of controls; it takes the executor that reaches the UI thread, so tests run it without the toolkit.
 */
public final class TopicsViewModel {

    static final String NOT_CONNECTED = "Connect to a cluster to see its topics.";

    private final ActiveCluster cluster;
    private final Executor ui;
    private final ObservableList<TopicSummary> allTopics = FXCollections.observableArrayList();
    private final FilteredList<TopicSummary> shownTopics = new FilteredList<>(allTopics);
    private final SortedList<TopicSummary> sortedTopics = new SortedList<>(shownTopics);
    private final StringProperty filter = new SimpleStringProperty("");
    private final BooleanProperty showInternal = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(NOT_CONNECTED);
    private final ObjectProperty<TopicSummary> selected = new SimpleObjectProperty<>();
    private final TopicDetailViewModel detail;
    private TopicService service;
    private long request;
    private boolean replacingRows;

    public TopicsViewModel(ActiveCluster cluster, Executor ui) {
        this.cluster = cluster;
        this.ui = ui;
        this.detail = new TopicDetailViewModel(ui);
        shownTopics.predicateProperty().bind(Bindings.createObjectBinding(this::shownOnes, filter, showInternal));
        selected.addListener((o, before, now) -> showDetail(now));
        cluster.stateProperty().addListener((o, before, now) -> clusterChanged(now));
        clusterChanged(cluster.stateProperty().get());
    }

    // Properties

    /** The topics to show: filtered, and sorted by whatever the view binds to {@link SortedList#comparatorProperty()}. */
    public SortedList<TopicSummary> topics() {
        return sortedTopics;
    }

    /** Part of a topic name; case does not matter. */
    public StringProperty filterProperty() {
        return filter;
    }

    public BooleanProperty showInternalProperty() {
        return showInternal;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** What to show in place of the list when it is empty for a reason: not connected, loading failed, no match. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** "40 topics · 3 internal hidden", or "12 of 40 topics" while a filter narrows them. */
    public StringBinding countText() {
        return Bindings.createStringBinding(() -> {
            long internal = allTopics.stream().filter(TopicSummary::internal).count();
            long wanted = showInternal.get() ? allTopics.size() : allTopics.size() - internal;
            String hidden = showInternal.get() || internal == 0 ? "" : " · " + internal + " internal hidden";
            return shownTopics.size() == wanted
                    ? TopicFormats.count(wanted) + " topics" + hidden
                    : TopicFormats.count(shownTopics.size()) + " of " + TopicFormats.count(wanted) + " topics" + hidden;
        }, shownTopics, allTopics, showInternal);
    }

    /** What the empty list says instead: why there are no rows, or that the filter matches none. */
    public StringBinding emptyListText() {
        return Bindings.createStringBinding(() -> {
            if (!message.get().isEmpty()) {
                return message.get();
            }
            if (loading.get()) {
                return "Loading topics…";
            }
            return allTopics.isEmpty() ? "This cluster has no topics yet." : "No topic name contains '" + filter.get().trim() + "'.";
        }, message, loading, allTopics, filter);
    }

    public ObjectProperty<TopicSummary> selectedProperty() {
        return selected;
    }

    public TopicDetailViewModel detail() {
        return detail;
    }

    // Commands

    /** Lists the topics again and, when a topic is selected, its detail. */
    public CompletableFuture<List<TopicSummary>> refresh() {
        return load(true);
    }

    /**
     * Lists the topics again but leaves the detail as it is, for the screen's periodic update: the figures in the
     * list stay current while a person reads a topic's configs without the tables under them being replaced.
     */
    public CompletableFuture<List<TopicSummary>> refreshTopicList() {
        return loading.get() ? CompletableFuture.completedFuture(List.copyOf(allTopics)) : load(false);
    }

    private CompletableFuture<List<TopicSummary>> load(boolean withDetail) {
        if (service == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        long thisRequest = ++request;
        loading.set(true);
        return service.listTopics().whenCompleteAsync((topics, failure) -> {
            if (thisRequest != request) {
                return;
            }
            loading.set(false);
            if (failure != null) {
                show(List.of(), reason(failure), withDetail);
            } else {
                show(topics, "", withDetail);
            }
        }, ui);
    }

    private void clusterChanged(ActiveCluster.State state) {
        request++;
        ClusterSession session = state == ActiveCluster.State.CONNECTED ? cluster.session() : null;
        service = session == null ? null : new TopicService(session);
        selected.set(null);
        allTopics.clear();
        loading.set(false);
        if (service == null) {
            message.set(state == ActiveCluster.State.CONNECTING ? "Connecting…" : NOT_CONNECTED);
            detail.clear(NOT_CONNECTED);
        } else {
            refresh();
        }
    }

    private void show(List<TopicSummary> topics, String problem, boolean withDetail) {
        String selectedName = selected.get() == null ? null : selected.get().name();
        // Replacing the rows makes a table move its selection about; those moves are not a person's choice.
        replacingRows = true;
        try {
            allTopics.setAll(topics);
        } finally {
            replacingRows = false;
        }
        message.set(problem);
        // Keep the selection across a refresh, even while filtered out; else start with the first shown topic.
        TopicSummary again = allTopics.stream().filter(t -> t.name().equals(selectedName)).findFirst()
                .orElse(sortedTopics.isEmpty() ? null : sortedTopics.get(0));
        selected.set(again);
        if (again == null) {
            detail.clear(problem.isEmpty() ? TopicDetailViewModel.NOTHING_SELECTED : problem);
        } else if (withDetail && again.name().equals(detail.topicProperty().get())) {
            detail.show(service, again.name());
        } else {
            showDetail(again);
        }
    }

    /** Loads the detail when the selection names another topic than the one shown. */
    private void showDetail(TopicSummary now) {
        if (replacingRows) {
            return;
        }
        if (now == null) {
            detail.clear(TopicDetailViewModel.NOTHING_SELECTED);
        } else if (service != null && !now.name().equals(detail.topicProperty().get())) {
            detail.show(service, now.name());
        }
    }

    private Predicate<TopicSummary> shownOnes() {
        String part = filter.get() == null ? "" : filter.get().trim().toLowerCase(Locale.ROOT);
        boolean internal = showInternal.get();
        return topic -> (internal || !topic.internal()) && (part.isEmpty() || topic.name().toLowerCase(Locale.ROOT).contains(part));
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
