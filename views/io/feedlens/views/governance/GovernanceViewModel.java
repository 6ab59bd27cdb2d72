package io.feedlens.views.governance;

import java.nio.file.Path;
import java.util.concurrent.Executor;

import io.feedlens.app.Background;
import io.feedlens.app.cluster.ClusterOverview;
import io.feedlens.app.governance.Classification;
import io.feedlens.app.governance.ClusterGovernance;
import io.feedlens.app.governance.GovernanceStore;
import io.feedlens.app.governance.MaskRule;
import io.feedlens.app.governance.TopicGovernance;
import io.feedlens.views.shell.ActiveCluster;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The connected cluster's governance in the window: what the topic list's Owner and Classification columns read, and
 * the topic detail's Governance tab, an editor of the selected topic's entry plus the masking rules that apply to it.
 * Reads and writes the file off the FX thread; free of controls.
 */
public final class GovernanceViewModel {

    private final Path dataFolder;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<ClusterGovernance> governance = new ReadOnlyObjectWrapper<>(ClusterGovernance.EMPTY);
    private final StringProperty topic = new SimpleStringProperty("");
    private final StringProperty owner = new SimpleStringProperty("");
    private final ObjectProperty<Classification> classification = new SimpleObjectProperty<>();
    private final StringProperty requiredRetention = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<String> maskingRules = FXCollections.observableArrayList();
    private GovernanceStore store;

    public GovernanceViewModel(ActiveCluster cluster, Path dataFolder, Executor ui) {
        this.dataFolder = dataFolder;
        this.ui = ui;
        cluster.overviewProperty().addListener((o, before, now) -> clusterChanged(now));
        topic.addListener((o, before, now) -> showTopic());
        governance.addListener((o, before, now) -> showTopic());
        clusterChanged(cluster.overviewProperty().get());
    }

    // Properties

    /** Everything recorded for the connected cluster; empty when not connected. */
    public ReadOnlyObjectProperty<ClusterGovernance> governanceProperty() { return governance.getReadOnlyProperty(); }
    /** The topic the editor shows (bound to the Topics screen's selection). */
    public StringProperty topicProperty() { return topic; }
    public StringProperty ownerProperty() { return owner; }
    public ObjectProperty<Classification> classificationProperty() { return classification; }
    /** As typed: ISO-8601 ({@code P7D}); checked on Save. */
    public StringProperty requiredRetentionProperty() { return requiredRetention; }
    public StringProperty notesProperty() { return notes; }
    /** "Saved", or what is wrong with the entry or the file. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** Whether a topic of a connected cluster is selected. */
    public ReadOnlyBooleanProperty editableProperty() { return editable.getReadOnlyProperty(); }
    /** The masking rules that apply to the selected topic, as they read in {@code feedlens masking list}. */
    public ObservableList<String> maskingRules() { return FXCollections.unmodifiableObservableList(maskingRules); }

    // Commands

    /** Saves the editor's entry for the selected topic (an empty entry removes it). */
    public void save() {
        String name = topic.get();
        GovernanceStore target = store;
        if (target == null || name == null || name.isEmpty()) {
            return;
        }
        TopicGovernance entry;
        try {
            String retention = requiredRetention.get();
            entry = new TopicGovernance(owner.get(), classification.get(),
                    retention == null || retention.isBlank() ? null : TopicGovernance.parseRetention(retention), notes.get());
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        status.set("Saving…");
        Background.supply(() -> target.update(current -> current.replacingTopic(name, entry)))
                .whenCompleteAsync((saved, failure) -> {
                    if (failure != null) {
                        status.set(failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage());
                        return;
                    }
                    if (target == store) {
                        governance.set(saved);
                        status.set("Saved in " + target.file());
                    }
                }, ui);
    }

    private void clusterChanged(ClusterOverview overview) {
        store = overview == null ? null : new GovernanceStore(dataFolder, overview.clusterId());
        governance.set(ClusterGovernance.EMPTY);
        GovernanceStore loading = store;
        if (loading == null) {
            return;
        }
        Background.supply(loading::load).whenCompleteAsync((loaded, failure) -> {
            if (loading != store) {
                return;
            }
            if (failure != null) {
                status.set(failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage());
            } else {
                governance.set(loaded);
            }
        }, ui);
    }

    private void showTopic() {
        String name = topic.get();
        editable.set(store != null && name != null && !name.isEmpty());
        TopicGovernance entry = name == null ? TopicGovernance.NONE : governance.get().topic(name);
        owner.set(entry.owner() == null ? "" : entry.owner());
        classification.set(entry.classification());
        requiredRetention.set(entry.requiredRetention() == null ? "" : entry.requiredRetention().toString());
        notes.set(entry.notes() == null ? "" : entry.notes());
        maskingRules.setAll(governance.get().masking().stream().filter(r -> name != null && r.appliesTo(name)).map(MaskRule::describe).toList());
        if (!"Saving…".equals(status.get())) {
            status.set("");
        }
    }
}
