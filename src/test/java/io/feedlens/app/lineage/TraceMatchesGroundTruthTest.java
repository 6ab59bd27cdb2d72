package io.feedlens.app.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.demo.GroundTruth;
import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.model.FeatureVersion;
import io.feedlens.lineage.store.LineageStore;
import io.feedlens.lineage.trace.EarliestOffsets;
import io.feedlens.lineage.trace.Impact;
import io.feedlens.lineage.trace.ImpactReport;
import io.feedlens.lineage.trace.Trace;
import io.feedlens.lineage.trace.TraceEvent;
import io.feedlens.lineage.trace.TraceFlag;
import io.feedlens.lineage.trace.TraceInput;
import io.feedlens.lineage.trace.Tracer;
import io.feedlens.testing.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every decision of a seeded demo feed, traced from the index, against what the generator really wrote. */
@KafkaBroker
class TraceMatchesGroundTruthTest {

    private static final int DECISIONS = Integer.getInteger("feedlens.trace.decisions", 10_000);
    private static final FeatureVersion FLAWED = new FeatureVersion("txn_velocity_5m", 4);

    private static DemoFeedIndex feed;
    private static LineageStore store;
    private static Map<String, GroundTruth.Feature> features;
    private static Map<String, GroundTruth.Event> events;

    @BeforeAll
    static void indexTheFeed(EmbeddedKafka broker) throws Exception {
        feed = DemoFeedIndex.generate(broker, "trace", DECISIONS, 2026L);
        store = LineageStore.open(Files.createTempDirectory("feedlens-trace").resolve("index"));
        feed.index(store, IndexSettings.catchUp(feed.profile));
        features = feed.truth.features().stream().collect(Collectors.toMap(GroundTruth.Feature::id, Function.identity()));
        events = feed.truth.events().stream().collect(Collectors.toMap(GroundTruth.Event::id, Function.identity()));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void everyDecisionsTraceEqualsTheGroundTruth() {
        Tracer tracer = new Tracer(store, feed.profile, EarliestOffsets.unknown());
        for (GroundTruth.Decision decision : feed.truth.decisions()) {
            Trace trace = tracer.trace(decision.id()).orElseThrow(() -> new AssertionError("no trace of " + decision.id()));
            assertThat(trace.decidedAt()).isEqualTo(decision.decidedAt());
            assertThat(trace.copies()).extracting(RecordCoordinates::toString).containsExactly(decision.coordinates());
            assertThat(trace.inputs()).as("inputs of %s", decision.id()).extracting(TraceInput::featureId)
                    .containsExactlyInAnyOrderElementsOf(decision.usedFeatureIds());
            trace.inputs().forEach(input -> inputMatchesTruth(decision, input));
            assertThat(trace.flags()).doesNotContain(TraceFlag.MISSING, TraceFlag.NOT_REPLAYABLE, TraceFlag.FLAGGED_VERSION);
        }
    }

    private static void inputMatchesTruth(GroundTruth.Decision decision, TraceInput input) {
        String id = input.featureId();
        GroundTruth.Feature truth = features.get(id);
        String where = decision.id() + " → " + id;
        assertThat(input.inferred()).as("inferred %s", where).isEqualTo(!decision.hasUsedList());
        assertThat(input.flags().contains(TraceFlag.INFERRED)).as(where).isEqualTo(!decision.hasUsedList());
        assertThat(input.flags().contains(TraceFlag.STALE)).as("stale %s", where).isEqualTo(decision.staleFeatureIds().contains(id));
        assertThat(input.flags().contains(TraceFlag.MISMATCH)).as("mismatch %s", where)
                .isEqualTo(decision.mismatchedFeatureIds().contains(id));
        assertThat(input.copies()).extracting(RecordCoordinates::toString).containsExactly(truth.coordinates());
        assertThat(input.feature()).isEqualTo(new FeatureVersion(truth.featureView(), truth.version()));
        assertThat(input.asOf()).isEqualTo(truth.asOf());
        assertThat(input.value()).isEqualTo(truth.value());
        assertThat(input.events()).as("events of %s", where).extracting(TraceEvent::id).containsExactlyElementsOf(truth.derivedFrom());
        for (TraceEvent event : input.events()) {
            assertThat(event.copies()).extracting(RecordCoordinates::toString).containsExactlyElementsOf(events.get(event.id()).coordinates());
        }
    }

    @Test
    void hardCasesAreFlaggedAsTheyShouldBe() {
        Tracer tracer = new Tracer(store, feed.profile, EarliestOffsets.unknown());
        assertThat(feed.truth.hardCases(GroundTruth.Kind.STALE_FEATURE)).singleElement().satisfies(stale ->
                assertThat(tracer.trace(stale.ids().get(0)).orElseThrow().flags()).contains(TraceFlag.STALE));
        assertThat(feed.truth.hardCases(GroundTruth.Kind.LOGGED_VALUE_MISMATCH)).singleElement().satisfies(mismatch ->
                assertThat(tracer.trace(mismatch.ids().get(0)).orElseThrow().flags()).contains(TraceFlag.MISMATCH));
        assertThat(feed.truth.hardCases(GroundTruth.Kind.DECISION_WITHOUT_USED)).hasSize(3).allSatisfy(inferred ->
                assertThat(tracer.trace(inferred.ids().get(0)).orElseThrow().inputs()).hasSize(2)
                        .allMatch(input -> input.flags().contains(TraceFlag.INFERRED)));
        GroundTruth.HardCase duplicate = feed.truth.hardCases(GroundTruth.Kind.DUPLICATE_EVENT).get(0);
        assertThat(events.get(duplicate.ids().get(0)).coordinates()).hasSize(2);
    }

    @Test
    void flaggedVersionShowsInTracesAndImpact() {
        List<GroundTruth.Decision> usersOfFlawed = feed.truth.decisions().stream()
                .filter(d -> d.usedFeatureIds().stream().map(features::get).anyMatch(f -> f.version() == FLAWED.version()
                        && f.featureView().equals(FLAWED.view()))).toList();
        assertThat(usersOfFlawed).isNotEmpty();
        store.flag(FLAWED, "counts ten minutes instead of five", Instant.now());
        Tracer tracer = new Tracer(store, feed.profile, EarliestOffsets.unknown());
        Set<String> flaggedIds = usersOfFlawed.stream().map(GroundTruth.Decision::id).collect(Collectors.toSet());
        for (GroundTruth.Decision decision : feed.truth.decisions()) {
            assertThat(tracer.trace(decision.id()).orElseThrow().flags().contains(TraceFlag.FLAGGED_VERSION))
                    .as("flagged %s", decision.id()).isEqualTo(flaggedIds.contains(decision.id()));
        }
        ImpactReport impact = new Impact(store).ofFeatureVersion(FLAWED);
        assertThat(impact.decisions()).isEqualTo(usersOfFlawed.size());
        assertThat(impact.flagReason()).isEqualTo("counts ten minutes instead of five");
        assertThat(impact.byModelVersion()).singleElement().satisfies(use -> assertThat(use.modelVersion()).isEqualTo("7"));
        assertThat(impact.first()).isEqualTo(usersOfFlawed.get(0).decidedAt());
        assertThat(impact.last()).isEqualTo(usersOfFlawed.get(usersOfFlawed.size() - 1).decidedAt());
        store.unflag(FLAWED);
        assertThat(new Impact(store).ofFeatureVersion(FLAWED).flagReason()).isNull();
    }

    @Test
    void sourceBelowTheEarliestOffsetIsNotReplayable() {
        String payments = feed.topics.payments();
        EarliestOffsets retention = (topic, partition) -> topic.equals(payments) && partition == 0 ? 5 : 0;
        Tracer tracer = new Tracer(store, feed.profile, retention);
        GroundTruth.Decision first = feed.truth.decisions().stream()
                .filter(d -> d.usedFeatureIds().stream().map(features::get).flatMap(f -> f.derivedFrom().stream())
                        .map(events::get).anyMatch(e -> RecordCoordinates.parse(e.coordinates().get(0)).partition() == 0
                                && RecordCoordinates.parse(e.coordinates().get(0)).offset() < 5))
                .findFirst().orElseThrow();
        Trace trace = tracer.trace(first.id()).orElseThrow();
        assertThat(trace.flags()).contains(TraceFlag.NOT_REPLAYABLE);
        assertThat(trace.inputs().stream().flatMap(i -> i.events().stream()).filter(e -> e.flags().contains(TraceFlag.NOT_REPLAYABLE)))
                .allMatch(e -> e.copies().stream().anyMatch(c -> c.topic().equals(payments) && c.partition() == 0 && c.offset() < 5));
    }

    @Test
    void impactOfOneFeatureRecordAndOneEventCountsTheDecisionsThatLoggedThem() {
        List<GroundTruth.Decision> logged = feed.truth.decisions().stream().filter(GroundTruth.Decision::hasUsedList).toList();
        GroundTruth.Feature feature = features.get(logged.get(10).usedFeatureIds().get(0));
        long usingFeature = logged.stream().filter(d -> d.usedFeatureIds().contains(feature.id())).count();
        assertThat(new Impact(store).ofFeatureRecord(feature.id()).decisions()).isEqualTo(usingFeature).isPositive();

        String event = feature.derivedFrom().get(0);
        long usingEvent = logged.stream().filter(d -> d.usedFeatureIds().stream().map(features::get)
                .anyMatch(f -> f.derivedFrom().contains(event))).count();
        assertThat(new Impact(store).ofEvent(event).decisions()).isEqualTo(usingEvent).isPositive();
    }

    @Test
    void unknownDecisionHasNoTrace() {
        assertThat(new Tracer(store, feed.profile, EarliestOffsets.unknown()).trace("d-nothing")).isEmpty();
    }
}
