package io.feedlens.app.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.Map;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.decode.DecoderSettings;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.lineage.extract.LineageProfile;
import io.feedlens.lineage.model.FeatureVersion;
import io.feedlens.lineage.store.LineageStore;
import io.feedlens.lineage.trace.EarliestOffsets;
import io.feedlens.lineage.trace.Trace;
import io.feedlens.lineage.trace.TraceEvent;
import io.feedlens.lineage.trace.TraceFlag;
import io.feedlens.lineage.trace.TraceInput;
import io.feedlens.lineage.trace.Tracer;
import io.feedlens.testing.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "feed that does not follow the convention, indexed through a mapping profile", on the real broker. */
@KafkaBroker
class MappedFeedIndexTest {

    @TempDir
    Path folder;

    @Test
    void tracesOfAFeedReadThroughItsMappingProfileEqualWhatTheFeedWrote(EmbeddedKafka broker) throws Exception {
        ShopFeed feed = ShopFeed.write(broker, "traces", 30);
        LineageProfile profile = feed.profile(folder);
        try (LineageStore store = LineageStore.open(folder.resolve("index"))) {
            IndexProgress done = new LineageIndexer(Map.of("bootstrap.servers", broker.bootstrapServers()), store,
                    new RecordDecoder(DecoderSettings.automatic())).run(IndexSettings.catchUp(profile), progress -> { });

            assertThat(done.caughtUp()).isTrue();
            assertThat(store.counts()).containsEntry("event", (long) feed.eventIds.size())
                    .containsEntry("feature", 2L * feed.decisions.size()).containsEntry("decision", (long) feed.decisions.size())
                    .containsEntry("skipped", 2L);
            assertThat(store.skipped()).extracting(s -> s.coordinates().toString(), s -> s.reason())
                    .containsExactlyInAnyOrder(feed.lacking.entrySet().stream().map(e -> tuple(e.getKey(), e.getValue())).toArray(
                            org.assertj.core.groups.Tuple[]::new));

            Tracer tracer = new Tracer(store, profile, EarliestOffsets.unknown());
            for (ShopFeed.Decision written : feed.decisions) {
                assertTraceEqualsWhatWasWritten(tracer.trace(written.id()).orElseThrow(), written);
            }
        }
    }

    private static void assertTraceEqualsWhatWasWritten(Trace trace, ShopFeed.Decision written) {
        assertThat(trace.modelId()).isEqualTo("churn");
        assertThat(trace.modelVersion()).isEqualTo(written.modelVersion());
        assertThat(trace.entity()).isEqualTo(written.customer());
        assertThat(trace.decidedAt()).isEqualTo(written.at());
        assertThat(trace.source()).isEqualTo("/scorer");
        assertThat(trace.inputs()).extracting(TraceInput::featureId)
                .containsExactlyElementsOf(written.used().stream().map(ShopFeed.Feature::id).toList());
        for (int i = 0; i < written.used().size(); i++) {
            ShopFeed.Feature feature = written.used().get(i);
            TraceInput input = trace.inputs().get(i);
            assertThat(input.inferred()).isFalse();
            assertThat(input.feature()).isEqualTo(new FeatureVersion(feature.view(), feature.version()));
            assertThat(input.value()).isEqualTo(feature.value());
            assertThat(input.copies()).extracting(Object::toString).containsExactly(feature.coordinates());
            assertThat(input.events()).extracting(TraceEvent::id).containsExactlyElementsOf(feature.inputs());
            assertThat(input.events()).allSatisfy(event -> assertThat(event.source()).isEqualTo("/shop/checkout"));
        }
        assertThat(trace.inputs().get(0).loggedValue()).isEqualTo(written.loggedBasket());
        boolean mislogged = written.id().equals("d-" + ShopFeed.MISLOGGED);
        assertThat(trace.flags()).isEqualTo(mislogged ? java.util.Set.of(TraceFlag.MISMATCH) : java.util.Set.of());
    }
}
