package io.feedlens.views.topics;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.feedlens.app.topics.PartitionDetail;
import io.feedlens.app.topics.ReadingGroup;
import io.feedlens.app.topics.TopicDetail;
import io.feedlens.app.topics.TopicService;
import io.feedlens.app.topics.TopicSetting;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The detail of the selected topic: its partitions, its configs (optionally only those that differ from Kafka's
 * defaults) and the consumer groups that read it. Answers for a topic that is no longer selected are dropped.
 */
public final class TopicDetailViewModel {

    static final String NOTHING_SELECTED = "Select a topic to see its partitions, configs and the groups that read it.";

    /** What was changed on purpose is what people look for: non-default values on top, then by name. */
    private static final Comparator<TopicSetting> NON_DEFAULT_FIRST =
            Comparator.comparing((TopicSetting s) -> !s.nonDefault()).thenComparing(TopicSetting::name);

    private final Executor ui;
    private final ReadOnlyObjectWrapper<TopicDetail> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper topic = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(NOTHING_SELECTED);
    private final ObservableList<PartitionDetail> partitions = FXCollections.observableArrayList();
    private final ObservableList<TopicSetting> allSettings = FXCollections.observableArrayList();
    private final FilteredList<TopicSetting> settings = new FilteredList<>(allSettings);
    private final BooleanProperty nonDefaultOnly = new SimpleBooleanProperty(false);
    private final ObservableList<ReadingGroup> readingGroups = FXCollections.observableArrayList();
    private long request;

    public TopicDetailViewModel(Executor ui) {
        this.ui = ui;
        settings.predicateProperty().bind(Bindings.createObjectBinding(
                () -> nonDefaultOnly.get() ? TopicSetting::nonDefault : null, nonDefaultOnly));
    }

    // Properties

    /** The topic shown, or empty. */
    public ReadOnlyStringProperty topicProperty() {
        return topic.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TopicDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why there is no detail to show (nothing selected, the topic is gone, …); empty when there is one. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<PartitionDetail> partitions() {
        return FXCollections.unmodifiableObservableList(partitions);
    }

    /** The configs, narrowed to the non-default ones while {@link #nonDefaultOnlyProperty()} is on. */
    public ObservableList<TopicSetting> settings() {
        return settings;
    }

    public BooleanProperty nonDefaultOnlyProperty() {
        return nonDefaultOnly;
    }

    public ObservableList<ReadingGroup> readingGroups() {
        return FXCollections.unmodifiableObservableList(readingGroups);
    }

    // Commands

    /** Loads the detail of {@code name}; on a refresh of the same topic the shown detail stays until the new one arrives. */
    public CompletableFuture<TopicDetail> show(TopicService service, String name) {
        long thisRequest = ++request;
        boolean sameTopic = name.equals(topic.get());
        topic.set(name);
        loading.set(true);
        if (!sameTopic) {
            fill(null, "Loading " + name + "…");
        }
        return service.describe(name).whenCompleteAsync((answer, failure) -> {
            if (thisRequest != request) {
                return;
            }
            loading.set(false);
            if (failure != null) {
                fill(null, TopicsViewModel.reason(failure));
            } else {
                fill(answer, "");
            }
        }, ui);
    }

    /** Shows no topic, with {@code why} in its place. */
    public void clear(String why) {
        request++;
        topic.set("");
        loading.set(false);
        fill(null, why);
    }

    private void fill(TopicDetail answer, String why) {
        detail.set(answer);
        message.set(why);
        partitions.setAll(answer == null ? List.of() : answer.partitions());
        allSettings.setAll(answer == null ? List.of() : answer.settings().stream().sorted(NON_DEFAULT_FIRST).toList());
        readingGroups.setAll(answer == null ? List.of() : answer.readingGroups());
    }
}
