package io.feedlens.views;

import java.nio.file.Path;
import java.util.function.Supplier;

import io.feedlens.app.decode.ClusterDecoding;
import io.feedlens.app.demo.DemoCluster;
import io.feedlens.app.profiles.ProfileStore;
import io.feedlens.views.clusters.ClustersView;
import io.feedlens.views.clusters.ClustersViewModel;
import io.feedlens.views.groups.GroupsView;
import io.feedlens.views.groups.GroupsViewModel;
import io.feedlens.views.groups.LagSampling;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.views.governance.GovernanceView;
import io.feedlens.views.governance.GovernanceViewModel;
import io.feedlens.views.impact.ImpactView;
import io.feedlens.views.impact.ImpactViewModel;
import io.feedlens.views.index.IndexView;
import io.feedlens.views.index.IndexViewModel;
import io.feedlens.views.messages.ClusterMessages;
import io.feedlens.views.messages.MessageSource;
import io.feedlens.views.messages.RecordDetailViewModel;
import io.feedlens.views.shell.ActiveLineage;
import io.feedlens.views.trace.TraceView;
import io.feedlens.views.trace.TraceViewModel;
import io.feedlens.views.messages.MessagesView;
import io.feedlens.views.messages.MessagesViewModel;
import io.feedlens.views.schemas.SchemaHistoryView;
import io.feedlens.views.schemas.SchemaHistoryViewModel;
import io.feedlens.views.shell.ActiveCluster;
import io.feedlens.views.topics.TopicAccessView;
import io.feedlens.views.topics.TopicAccessViewModel;
import io.feedlens.views.shell.MainWindow;
import io.feedlens.views.shell.StatusBar;
import io.feedlens.views.topics.TopicsView;
import io.feedlens.views.topics.TopicsViewModel;
import javafx.scene.Parent;

/**
 * Builds the whole window from its parts: the one place that decides which screens exist and what they share.
 * The desktop app and the UI tests both build it here, so tests see the window people see.
 */
public final class Workbench implements AutoCloseable {

    public static final String STYLESHEET = Workbench.class.getResource("feedlens.css").toExternalForm();

    private final ActiveCluster activeCluster = new ActiveCluster(FxThread.INSTANCE);
    private final ClustersViewModel clusters;
    private final TopicsViewModel topics;
    private final LagSampling lagSampling;
    private final GroupsViewModel groups;
    private final MessagesViewModel messages;
    private final SchemaHistoryViewModel schemaHistory;
    private final TopicAccessViewModel topicAccess;
    private final StatusBar statusBar = new StatusBar(activeCluster);
    private final MainWindow window = new MainWindow(statusBar);
    private final DemoFeedTicker feedTicker;
    private ActiveLineage lineage;
    private TraceViewModel trace;
    private ImpactViewModel impact;
    private IndexViewModel index;
    private GovernanceViewModel governance;
    private final Path dataFolder;
    private KeptState kept;

    public Workbench(Path dataFolder, Supplier<DemoCluster> demoStarter) {
        this.dataFolder = dataFolder;
        clusters = new ClustersViewModel(new ProfileStore(dataFolder), activeCluster, demoStarter, FxThread.INSTANCE);
        window.addScreen("Clusters", () -> new ClustersView(clusters));
        topics = new TopicsViewModel(activeCluster, FxThread.INSTANCE);
        ClusterMessages clusterRecords = new ClusterMessages(activeCluster, dataFolder);
        messages = messagesFollowingTopic(clusterRecords);
        schemaHistory = new SchemaHistoryViewModel(clusterRecords, FxThread.INSTANCE);
        schemaHistory.topicProperty().bind(topics.detail().topicProperty());
        topicAccess = new TopicAccessViewModel(activeCluster::session, FxThread.INSTANCE);
        topicAccess.topicProperty().bind(topics.detail().topicProperty());
        governance = new GovernanceViewModel(activeCluster, dataFolder, FxThread.INSTANCE);
        governance.topicProperty().bind(topics.detail().topicProperty());
        window.addScreen("Topics", this::topicsScreen);
        lagSampling = new LagSampling(activeCluster, dataFolder, io.feedlens.app.groups.LagSampler.DEFAULT_INTERVAL, FxThread.INSTANCE);
        groups = new GroupsViewModel(activeCluster, lagSampling, FxThread.INSTANCE);
        window.addScreen("Consumer groups", () -> new GroupsView(groups));
        addLineageScreens(dataFolder, clusterRecords);
        window.finishNavigation();
        feedTicker = new DemoFeedTicker(clusters::demoCluster, statusBar.feedSummaryProperty());
        window.sceneProperty().addListener((o, before, scene) -> {
            if (scene != null) {
                Shortcuts.install(this, scene);
            }
        });
    }

    /** The Topics screen with the topic detail's tabs; owner and classification join the topic list (governance). */
    private TopicsView topicsScreen() {
        TopicsView view = new TopicsView(topics);
        view.addTopicTab("Messages", new MessagesView(messages));
        view.addTopicTab("Schemas", new SchemaHistoryView(schemaHistory));
        view.addTopicTab("Access", new TopicAccessView(topicAccess));
        view.addTopicColumns(GovernanceView.topicColumns(governance));
        view.addTopicTab("Governance", new GovernanceView(governance));
        view.setOnOpenGroup(groupId -> {
            window.show("Consumer groups");
            groups.select(groupId);
        });
        return view;
    }

    /** Trace, Impact and Index share the connected cluster's lineage index; each hands over to the others. */
    private void addLineageScreens(Path dataFolder, ClusterMessages clusterRecords) {
        Supplier<RecordDecoder> decoder = () -> {
            MessageSource source = clusterRecords.get();
            return source == null ? null : source.decoder();
        };
        // The indexer reads facts unmasked; everything the screens show goes through the masking decoder.
        lineage = new ActiveLineage(activeCluster, dataFolder, clusterRecords::unmaskedDecoder, ClustersViewModel.DEMO_PROFILE, FxThread.INSTANCE);
        trace = new TraceViewModel(lineage, decoder, new RecordDetailViewModel(clusterRecords, FxThread.INSTANCE), FxThread.INSTANCE);
        impact = new ImpactViewModel(lineage, FxThread.INSTANCE);
        index = new IndexViewModel(lineage, FxThread.INSTANCE);
        window.addScreen("Trace", () -> new TraceView(trace, decoder, version -> {
            window.show("Impact");
            impact.show(version);
        }));
        window.addScreen("Impact", () -> new ImpactView(impact, decision -> {
            window.show("Trace");
            trace.trace(decision.id(), decision.shownAs());
        }));
        window.addScreen("Lineage index", () -> new IndexView(index));
    }

    /** The Messages tab reads the topic selected on the Topics screen, with the partition choice fitting that topic. */
    private MessagesViewModel messagesFollowingTopic(ClusterMessages clusterRecords) {
        MessagesViewModel model = new MessagesViewModel(clusterRecords, FxThread.INSTANCE);
        model.topicProperty().bind(topics.detail().topicProperty());
        topics.detail().partitions().addListener(
                (javafx.collections.ListChangeListener<io.feedlens.app.topics.PartitionDetail>) change -> model.setPartitionCount(topics.detail().partitions().size()));
        return model;
    }

    /**
     * Starts the warm-ups that wait for the window, so they do not slow its first showing; completes when the
     * remaining screens are built.
     */
    public java.util.concurrent.CompletableFuture<Void> windowShown() {
        messages.warmUpFilter();
        return window.buildRemainingScreens();
    }

    /**
     * Asks for the passphrase of the stored secrets over {@code owner} when a saved connection keeps an encrypted
     * password and none unlocked them yet; call once the window shows (key derivation must not delay it). Completes
     * on the FX thread when answered (true: unlocked), at once when there is nothing to ask.
     */
    public java.util.concurrent.CompletableFuture<Boolean> askPassphraseAtStart(javafx.stage.Window owner) {
        if (!clusters.secretsLocked()) {
            return java.util.concurrent.CompletableFuture.completedFuture(false);
        }
        var prompt = new io.feedlens.views.clusters.StartUnlockViewModel(clusters, FxThread.INSTANCE);
        io.feedlens.views.clusters.StartUnlockView.show(prompt, owner);
        return prompt.answered();
    }

    /**
     * Puts the window back as it was left in this data folder, and saves it again on {@link #close()}. Call once the
     * stage has its scene, before it shows.
     */
    public void keepStateOf(javafx.stage.Stage stage) {
        kept = KeptState.restore(this, dataFolder, stage);
    }

    /** Connects again to the cluster connected when this data folder's FeedLens last closed (after {@link #keepStateOf}). */
    public void reconnectLastCluster() {
        if (kept != null) {
            kept.reconnect();
        }
    }

    /** Puts the scene on FeedLens's look: AtlantaFX's Primer theme plus FeedLens's own sheet. Call on the FX thread. */
    public static void dress(javafx.scene.Scene scene) {
        io.feedlens.views.shell.Theme.LIGHT.apply();
        scene.getStylesheets().add(STYLESHEET);
    }

    /** The workbench with the demo cluster kept in {@code dataFolder/demo-cluster}. */
    public static Workbench inDataFolder(Path dataFolder) {
        return new Workbench(dataFolder,
                () -> DemoCluster.start(dataFolder.resolve("demo-cluster"), ClusterDecoding.schemaFolder(dataFolder)));
    }

    public Parent root() {
        return window;
    }

    public MainWindow window() {
        return window;
    }

    public ClustersViewModel clusters() {
        return clusters;
    }

    public TopicsViewModel topics() {
        return topics;
    }

    public GroupsViewModel groups() {
        return groups;
    }

    /** Selects a tab of the topic detail by its title, e.g. "Messages". */
    public void showTopicTab(String title) {
        ((TopicsView) window.screen("Topics")).showTopicTab(title);
    }

    public SchemaHistoryViewModel schemaHistory() {
        return schemaHistory;
    }

    public MessagesViewModel messages() {
        return messages;
    }

    public TraceViewModel trace() {
        return trace;
    }

    public TraceView traceView() {
        return (TraceView) window.screen("Trace");
    }

    public ImpactViewModel impact() {
        return impact;
    }

    public IndexViewModel index() {
        return index;
    }

    public ActiveLineage lineage() {
        return lineage;
    }

    public ActiveCluster activeCluster() {
        return activeCluster;
    }

    /** Stops lag sampling, closes the connection and stops the demo cluster if this window started it. */
    @Override
    public void close() {
        if (kept != null) {
            kept.save();
        }
        feedTicker.stop();
        messages.stop();
        schemaHistory.stop();
        lagSampling.close();
        lineage.close();
        activeCluster.close();
        clusters.close();
    }
}
