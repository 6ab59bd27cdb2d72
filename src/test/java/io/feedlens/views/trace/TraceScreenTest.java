package io.feedlens.views.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.decode.ClusterDecoding;
import io.feedlens.app.governance.GovernanceStore;
import io.feedlens.app.governance.MaskAction;
import io.feedlens.app.governance.MaskRule;
import io.feedlens.app.demo.FeatureSchemas;
import io.feedlens.app.demo.GroundTruth;
import io.feedlens.app.lineage.LineageIndexes;
import io.feedlens.app.lineage.DemoFeedIndex;
import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.testing.KafkaBroker;
import io.feedlens.testing.WorkbenchWindow;
import io.feedlens.views.Workbench;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Trace screen in a real (headless) window on the real broker: a deterministic demo feed is indexed from the
 * Lineage index screen, then known decisions are traced and the boxes, arrows, flags and timeline checked against the
 * generator's ground truth.
 */
@KafkaBroker
@ExtendWith(ApplicationExtension.class)
class TraceScreenTest {

    @TempDir
    static Path folder;

    private static DemoFeedIndex feed;
    private Workbench workbench;
    private Path home;

    @BeforeAll
    static void generate(EmbeddedKafka broker) {
        feed = DemoFeedIndex.generate(broker, "trace-screen", 120, 77L);
    }

    @Start
    void start(Stage stage) {
        home = folder.resolve("home-" + System.nanoTime());
        workbench = WorkbenchWindow.openIn(stage, home);
    }

    @AfterEach
    void closeWorkbench() {
        workbench.close();
    }

    @Test
    void aStaleDecisionShowsItsFeaturesEventsFlagsAndTimelineAndAClickShowsTheRecord(FxRobot robot, EmbeddedKafka broker) throws Exception {
        connectAndIndex(robot, broker);
        GroundTruth.Decision stale = decision(feed.truth.hardCases(GroundTruth.Kind.STALE_FEATURE).get(0).ids().get(0));

        trace(robot, stale.id());

        assertThat(text(robot, "#trace-summary")).startsWith(stale.id() + " · ");
        assertThat(robot.lookup("#card-decision").tryQuery()).isPresent();
        assertThat(cardTexts(robot, "#card-decision")).contains(stale.id(), stale.coordinates());
        assertThat(robot.lookup(".trace-card-feature").queryAll()).hasSize(stale.usedFeatureIds().size());
        for (int i = 0; i < stale.usedFeatureIds().size(); i++) {
            GroundTruth.Feature feature = feature(cardTexts(robot, "#card-feature-" + i).get(1));
            assertThat(stale.usedFeatureIds()).contains(feature.id());
            assertThat(cardTexts(robot, "#card-feature-" + i)).contains("FEATURE · " + feature.featureView() + "@" + feature.version());
            boolean isStale = stale.staleFeatureIds().contains(feature.id());
            assertThat(flagsOn(robot, "#card-feature-" + i).contains("◷ stale")).isEqualTo(isStale);
            Rectangle bar = robot.lookup("#timeline-freshness-" + i).queryAs(Rectangle.class);
            assertThat(bar.getStyleClass().contains("timeline-bar-stale")).isEqualTo(isStale);
            assertThat(robot.lookup("#timeline-ttl-" + i).tryQuery()).isPresent();
        }
        assertThat(flagsOn(robot, "#trace-flags")).contains("◷ stale");
        assertThat(labels(robot, ".trace-edge-label")).containsOnly("asserted");
        assertThat(robot.lookup("#timeline-decision").tryQuery()).isPresent();

        GroundTruth.Feature first = feature(cardTexts(robot, "#card-feature-0").get(1));
        robot.clickOn("#card-feature-0");
        waitUntil(() -> robot.lookup("#record-coordinates").queryAs(TextField.class).getText().equals(first.coordinates()));
        assertThat(robot.lookup("#trace-who-else").tryQuery().map(Node::isVisible)).contains(true);
    }

    @Test
    void theShownTraceExportsAsAnAuditReport(FxRobot robot, EmbeddedKafka broker) throws Exception {
        connectAndIndex(robot, broker);
        GroundTruth.Decision decision = feed.truth.decisions().get(3);
        trace(robot, decision.id());
        assertThat(robot.lookup("#trace-export-report").queryButton().isDisabled()).isFalse();

        var asked = new java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<io.feedlens.app.report.ReportFiles>>();
        robot.interact(() -> asked.set(workbench.trace().exportReport(folder.resolve("report-" + System.nanoTime()))));
        var files = asked.get().get(60, TimeUnit.SECONDS);

        assertThat(Files.readString(files.json())).contains(decision.id(), decision.coordinates());
        assertThat(Files.readString(files.html())).contains(decision.id()).doesNotContain("<script src");
        waitUntil(() -> text(robot, "#trace-message").startsWith("Audit report saved: " + files.html()));
    }

    @Test
    void whoElseUsedThisVersionListsItsDecisionsAndAFlagShowsInTheTrace(FxRobot robot, EmbeddedKafka broker) throws Exception {
        connectAndIndex(robot, broker);
        GroundTruth.Decision decision = feed.truth.decisions().stream().filter(GroundTruth.Decision::hasUsedList).findFirst().orElseThrow();
        trace(robot, decision.id());
        GroundTruth.Feature first = feature(cardTexts(robot, "#card-feature-0").get(1));
        long expected = feed.truth.decisions().stream().filter(GroundTruth.Decision::hasUsedList)
                .filter(d -> d.usedFeatureIds().stream().map(id -> feed.truth.features().stream().filter(f -> f.id().equals(id)).findFirst())
                        .anyMatch(f -> f.isPresent() && f.get().featureView().equals(first.featureView()) && f.get().version() == first.version()))
                .count();

        robot.clickOn("#card-feature-0");
        robot.clickOn("#trace-who-else");

        waitUntil(() -> text(robot, "#impact-message").startsWith(String.format(java.util.Locale.ROOT, "%,d decisions used %s@%d",
                expected, first.featureView(), first.version())));
        assertThat(robot.lookup("#impact-decisions").queryTableView().getItems()).hasSize((int) expected);
        robot.interact(() -> workbench.impact().flag("counts double after the 10:00 deploy"));
        waitUntil(() -> text(robot, "#impact-flag").equals("⚑ flagged as wrong: counts double after the 10:00 deploy"));

        // The same decision again: its summary already matches before the new trace is drawn, so wait for the flag.
        trace(robot, decision.id());
        waitUntil(() -> flagsOn(robot, "#card-feature-0").contains("⚑ flagged version"));
    }

    @Test
    void aDecisionWithoutAUsedListShowsInferredLinksInWords(FxRobot robot, EmbeddedKafka broker) throws Exception {
        connectAndIndex(robot, broker);
        String id = feed.truth.hardCases(GroundTruth.Kind.DECISION_WITHOUT_USED).get(0).ids().get(0);

        trace(robot, id);

        assertThat(labels(robot, ".trace-edge-label")).isNotEmpty().containsOnly("inferred");
        assertThat(flagsOn(robot, "#trace-flags")).contains("≈ inferred");
        assertThat(robot.lookup(".trace-edge-inferred").queryAll()).isNotEmpty();
    }

    @Test
    void aFeatureWithManyEventsCollapsesThemIntoACountThatExpands(FxRobot robot, EmbeddedKafka broker) throws Exception {
        connectAndIndex(robot, broker);
        GroundTruth.Decision busy = feed.truth.decisions().stream().filter(GroundTruth.Decision::hasUsedList)
                .filter(d -> d.usedFeatureIds().stream().anyMatch(f -> feature(f).derivedFrom().size() > TraceGraph.EVENTS_SHOWN_COLLAPSED))
                .findFirst().orElseThrow();

        trace(robot, busy.id());
        Node collapsed = robot.lookup(".trace-card-events-collapsed").query();
        int input = Integer.parseInt(collapsed.getId().substring("card-events-".length()));
        GroundTruth.Feature feature = feature(cardTexts(robot, "#card-feature-" + input).get(1));
        assertThat(cardTexts(robot, collapsed)).anyMatch(text -> text.startsWith(feature.derivedFrom().size() + " events"));

        robot.clickOn(collapsed);

        waitUntil(() -> robot.lookup(".trace-card-event").queryAll().stream()
                .filter(card -> card.getId().startsWith("card-event-" + input + "-")).count() == feature.derivedFrom().size());
    }

    @Test
    void aSourceEventThatLeftRetentionSaysSoWhenClicked(FxRobot robot, EmbeddedKafka broker) throws Exception {
        DemoFeedIndex own = DemoFeedIndex.generate(broker, "trace-retention", 20, 5L);
        prepareHome(broker, own);
        connect(robot, broker);
        startIndexing(robot);
        GroundTruth.Decision decision = own.truth.decisions().stream().filter(GroundTruth.Decision::hasUsedList)
                .filter(d -> d.usedFeatureIds().stream().anyMatch(f -> featureOf(own, f).derivedFrom().size() <= TraceGraph.EVENTS_SHOWN_COLLAPSED
                        && !featureOf(own, f).derivedFrom().isEmpty()))
                .findFirst().orElseThrow();
        // Retention passes: every payment before the end of its partition is deleted.
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            String payments = own.topics.payments();
            int partitions = admin.describeTopics(List.of(payments)).allTopicNames().get().get(payments).partitions().size();
            Map<TopicPartition, RecordsToDelete> all = new java.util.HashMap<>();
            var ends = admin.listOffsets(java.util.stream.IntStream.range(0, partitions).boxed().collect(Collectors.toMap(
                    p -> new TopicPartition(payments, p), p -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
            ends.forEach((tp, end) -> all.put(tp, RecordsToDelete.beforeOffset(end.offset())));
            admin.deleteRecords(all).all().get();
        }

        trace(robot, decision.id());
        Node event = robot.lookup(".trace-card-event").query();
        robot.clickOn(event);

        waitUntil(() -> text(robot, "#trace-selected-problem").contains("It has left Kafka's retention"));
        assertThat(text(robot, "#trace-selected-problem")).startsWith(own.topics.payments() + "/");
    }

    @Test
    void maskedEntitiesIdsAndValuesShowMaskedOnTheScreenInTooltipsAndInTheImpactExport(FxRobot robot, EmbeddedKafka broker) throws Exception {
        String all = feed.topics.prefix() + "*";
        // A team hashing the card wherever it is, and masking payment ids, decision ids and the velocity counts.
        new GovernanceStore(home, broker.clusterId()).update(g -> g
                .withRule(new MaskRule(all, MaskRule.Part.HEADER, "$.ce_subject", MaskAction.HASH))
                .withRule(new MaskRule(all, MaskRule.Part.KEY, "$", MaskAction.HASH))
                .withRule(new MaskRule(all, MaskRule.Part.VALUE, "$..card", MaskAction.HASH))
                .withRule(new MaskRule(all, MaskRule.Part.VALUE, "$..entity", MaskAction.HASH))
                .withRule(new MaskRule(feed.topics.payments(), MaskRule.Part.HEADER, "$.ce_id", MaskAction.MASK))
                .withRule(new MaskRule(feed.topics.payments(), MaskRule.Part.VALUE, "$.payment_id", MaskAction.MASK))
                .withRule(new MaskRule(feed.topics.decisions(), MaskRule.Part.HEADER, "$.ce_id", MaskAction.MASK))
                .withRule(new MaskRule(feed.topics.decisions(), MaskRule.Part.VALUE, "$.decision_id", MaskAction.MASK))
                .withRule(new MaskRule(feed.topics.txnVelocity(), MaskRule.Part.VALUE, "$.txn_count", MaskAction.MASK)));
        Set<String> hidden = new java.util.TreeSet<>();
        feed.truth.decisions().forEach(d -> hidden.addAll(List.of(d.entity(), d.id())));
        feed.truth.events().forEach(e -> hidden.addAll(List.of(e.entity(), e.id())));
        connectAndIndex(robot, broker);
        GroundTruth.Decision decision = feed.truth.decisions().stream().filter(GroundTruth.Decision::hasUsedList)
                .filter(d -> d.usedFeatureIds().stream().anyMatch(f -> !feature(f).derivedFrom().isEmpty())).findFirst().orElseThrow();

        robot.clickOn("#nav-trace");
        robot.interact(() -> robot.lookup("#trace-decision-id").queryAs(TextField.class).setText(decision.id()));
        robot.clickOn("#trace-button");
        waitUntil(() -> text(robot, "#trace-summary").startsWith("**** · "));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#trace-summary")).contains(" · hash:");
        List<String> shown = textsOnScreen(robot, "#trace-graph-scroll", "#trace-timeline", "#trace-summary", "#trace-flags");
        assertThat(shown).isNotEmpty();
        hidden.forEach(value -> assertThat(shown).as("masked " + value).noneMatch(text -> text.contains(value)));
        List<String> velocity = java.util.stream.IntStream.range(0, decision.usedFeatureIds().size())
                .mapToObj(i -> cardTexts(robot, "#card-feature-" + i)).filter(card -> card.get(0).contains("txn_velocity_5m"))
                .map(card -> card.get(card.size() - 1)).toList();
        assertThat(velocity).isNotEmpty().allMatch(detail -> detail.startsWith("value **** "));
        assertThat(cardTexts(robot, "#card-decision")).contains("****");

        javafx.scene.shape.Circle dot = robot.lookup(".timeline-event").queryAs(javafx.scene.shape.Circle.class);
        robot.moveTo(dot);
        waitUntil(() -> dot.getProperties().get("javafx.scene.control.Tooltip") != null);
        String tooltip = ((javafx.scene.control.Tooltip) dot.getProperties().get("javafx.scene.control.Tooltip")).getText();
        assertThat(tooltip).startsWith("event **** at ");

        robot.clickOn("#card-feature-0");
        robot.clickOn("#trace-who-else");
        waitUntil(() -> !robot.lookup("#impact-decisions").queryTableView().getItems().isEmpty());
        var rows = robot.lookup("#impact-decisions").queryTableView();
        assertThat(rows.getItems()).allMatch(row -> ((io.feedlens.lineage.store.DecisionUse) row).decisionId().equals("****"));
        Path csv = folder.resolve("impact-" + System.nanoTime() + ".csv");
        var exported = new java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Integer>>();
        robot.interact(() -> exported.set(workbench.impact().exportCsv(csv)));
        assertThat(exported.get().get(30, TimeUnit.SECONDS)).isPositive();
        String written = Files.readString(csv);
        assertThat(written.lines().skip(1)).isNotEmpty().allMatch(line -> line.startsWith("****,"));
        hidden.forEach(value -> assertThat(written).as("masked " + value).doesNotContain(value));

        // A decision opened from the masked list is traced by its id, and shown as the list showed it.
        robot.doubleClickOn(robot.from(rows).lookup(".table-row-cell").nth(0).queryAs(Node.class));
        waitUntil(() -> text(robot, "#trace-summary").startsWith("**** · ") && robot.lookup("#trace-decision-id").queryAs(TextField.class).getText().equals("****"));
        waitUntil(() -> text(robot, "#trace-message").startsWith("Traced in "));

        // Enter in the id field while the mask stands there traces that decision again, not a decision called "****".
        List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> robot.lookup("#trace-message").queryAs(javafx.scene.control.Label.class).textProperty()
                .addListener((property, before, now) -> said.add(now)));
        robot.clickOn("#trace-decision-id").type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> said.size() >= 2);
        assertThat(said.get(0)).isEqualTo("Tracing ****…");
        assertThat(said.get(1)).startsWith("Traced in ");
        assertThat(text(robot, "#trace-summary")).startsWith("**** · ");
    }

    /** The text of every label and text shape under these nodes: what the user sees there. */
    private static List<String> textsOnScreen(FxRobot robot, String... roots) {
        List<String> texts = new java.util.ArrayList<>();
        java.util.function.Predicate<Node> showsText = n -> n instanceof javafx.scene.control.Labeled || n instanceof javafx.scene.text.Text;
        for (String root : roots) {
            robot.from(robot.lookup(root).queryAll()).lookup(showsText)
                    .queryAll().forEach(n -> texts.add(n instanceof javafx.scene.control.Labeled labeled ? labeled.getText()
                            : ((javafx.scene.text.Text) n).getText()));
        }
        return texts;
    }

    private void connectAndIndex(FxRobot robot, EmbeddedKafka broker) throws Exception {
        prepareHome(broker, feed);
        connect(robot, broker);
        startIndexing(robot);
    }

    /** What a person would have set up: the lineage profile of the feed's topics, and the feature views' Avro schemas. */
    private void prepareHome(EmbeddedKafka broker, DemoFeedIndex which) throws Exception {
        FeatureSchemas.writeTo(ClusterDecoding.schemaFolder(home));
        Path profile = LineageIndexes.profileFile(home, broker.clusterId());
        Files.createDirectories(profile.getParent());
        which.profile.writeTo(profile);
    }

    private static void connect(FxRobot robot, EmbeddedKafka broker) {
        robot.clickOn("#profile-name").write("Trace test");
        robot.clickOn("#bootstrap-servers").write(broker.bootstrapServers());
        robot.clickOn("#connect");
        waitUntil(() -> text(robot, "#status-state").equals("● Connected"));
    }

    private static void startIndexing(FxRobot robot) {
        robot.clickOn("#nav-lineage-index");
        waitUntil(() -> !robot.lookup("#index-start").queryButton().isDisabled());
        robot.clickOn("#index-start");
        waitUntil(() -> text(robot, "#index-state").contains("caught up"));
    }

    private static void trace(FxRobot robot, String decisionId) {
        robot.clickOn("#nav-trace");
        robot.interact(() -> robot.lookup("#trace-decision-id").queryAs(TextField.class).setText(decisionId));
        robot.clickOn("#trace-button");
        waitUntil(() -> text(robot, "#trace-summary").startsWith(decisionId + " · "));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static GroundTruth.Decision decision(String id) {
        return feed.truth.decisions().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    private static GroundTruth.Feature feature(String id) {
        return featureOf(feed, id);
    }

    private static GroundTruth.Feature featureOf(DemoFeedIndex which, String id) {
        return which.truth.features().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no feature " + id + " in the ground truth"));
    }

    /** The texts of a card's labels, top to bottom: kind, id, where, detail. */
    private static List<String> cardTexts(FxRobot robot, String card) {
        return cardTexts(robot, robot.lookup(card).query());
    }

    private static List<String> cardTexts(FxRobot robot, Node card) {
        return ((VBox) card).getChildren().stream().filter(Label.class::isInstance).map(n -> ((Label) n).getText())
                .flatMap(text -> text.lines()).collect(Collectors.toList());
    }

    private static Set<String> flagsOn(FxRobot robot, String query) {
        return robot.from(robot.lookup(query).queryAll()).lookup(".flag").queryAllAs(Label.class).stream()
                .map(Label::getText).collect(Collectors.toSet());
    }

    private static List<String> labels(FxRobot robot, String query) {
        return robot.lookup(query).queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Not seen within 30 s", e);
        }
    }
}
