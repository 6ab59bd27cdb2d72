package io.feedlens.views.topics;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.feedlens.app.Background;
import io.feedlens.app.acls.AclEntry;
import io.feedlens.app.acls.ClusterAcls;
import io.feedlens.app.acls.TopicAccess;
import io.feedlens.app.cluster.ClusterSession;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Access tab of a topic: who can read it and who can write it, and the ACLs that say so, read from the cluster
 * each time the topic changes. Read-only: FeedLens never changes ACLs.
 */
public final class TopicAccessViewModel {

    private final Supplier<ClusterSession> session;
    private final Executor ui;
    private final StringProperty topic = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper readers = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper writers = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<AclEntry> acls = FXCollections.observableArrayList();
    private long request;

    public TopicAccessViewModel(Supplier<ClusterSession> session, Executor ui) {
        this.session = session;
        this.ui = ui;
        topic.addListener((o, before, now) -> refresh());
    }

    // Properties

    public StringProperty topicProperty() {
        return topic;
    }

    /** "Read: User:alice, User:etl" — who may read, in the words of {@link TopicAccess#describe()}. */
    public ReadOnlyStringProperty readersProperty() {
        return readers.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty writersProperty() {
        return writers.getReadOnlyProperty();
    }

    /** Why there is nothing to show (no authorizer, not allowed to see ACLs, not connected); empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The ACLs that cover this topic. */
    public ObservableList<AclEntry> acls() {
        return FXCollections.unmodifiableObservableList(acls);
    }

    // Commands

    /** Reads the ACLs again for the topic shown. */
    public CompletableFuture<Void> refresh() {
        long thisRequest = ++request;
        String name = topic.get();
        ClusterSession open = session.get();
        if (name == null || name.isEmpty() || open == null) {
            show(null, name == null || name.isEmpty() ? "Select a topic to see who can read and write it." : "Connect to a cluster first.");
            return CompletableFuture.completedFuture(null);
        }
        message.set("Reading the ACLs…");
        return Background.supply(() -> ClusterAcls.describe(open.admin(), open.profile().bootstrapServers()))
                .handleAsync((listing, failure) -> {
                    if (thisRequest == request) {
                        if (failure != null) {
                            show(null, TopicsViewModel.reason(failure));
                        } else {
                            show(listing.unavailable() == null ? listing.forTopic(name) : null, listing.unavailable());
                            acls.setAll(listing.entries().stream().filter(acl -> acl.coversTopic(name)).toList());
                        }
                    }
                    return null;
                }, ui);
    }

    private void show(TopicAccess access, String why) {
        List<String> lines = access == null ? List.of("", "") : access.describe();
        readers.set(lines.get(0));
        writers.set(lines.get(1));
        message.set(why == null ? "" : why);
        if (access == null) {
            acls.clear();
        }
    }
}
