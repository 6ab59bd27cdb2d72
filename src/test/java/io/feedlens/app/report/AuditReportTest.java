package io.feedlens.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.cluster.ClusterSession;
import io.feedlens.app.demo.GroundTruth;
import io.feedlens.app.report.RecordCheck.Outcome;
import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.store.LineageStore;
import io.feedlens.testing.KafkaBroker;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audit reports of a seeded demo feed on the in-process broker, checked against the bytes the generator produced. */
@KafkaBroker
class AuditReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ProducedFeed feed;
    private static LineageStore store;
    private static ClusterSession session;

    @TempDir
    Path out;

    @BeforeAll
    static void indexTheFeed(EmbeddedKafka broker) throws Exception {
        feed = ProducedFeed.generate(broker, "report", 60, 2027L);
        store = LineageStore.open(Files.createTempDirectory("feedlens-report").resolve("index"));
        feed.index(store);
        session = ClusterSession.connect(ClusterProfile.of("test", broker.bootstrapServers())).join().session();
    }

    @AfterAll
    static void close() {
        session.close();
        store.close();
    }

    private static GroundTruth.Decision mismatched() {
        String id = feed.truth.hardCases(GroundTruth.Kind.LOGGED_VALUE_MISMATCH).get(0).ids().get(0);
        return feed.truth.decisions().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    private ReportFiles write(GroundTruth.Decision decision) {
        return AuditReports.write(session, store, feed.profile, ProducedFeed.decoder(), decision.id(), out).orElseThrow();
    }

    @Test
    void jsonHoldsTheDecisionItsInputsFlagsAndTheDigestsOfTheBytesProduced() throws Exception {
        GroundTruth.Decision decision = mismatched();
        JsonNode report = JSON.readTree(write(decision).json().toFile());

        assertThat(report.path("clusterId").asText()).isEqualTo(session.overview().join().clusterId());
        assertThat(report.path("madeBy").asText()).startsWith("FeedLens ");
        JsonNode shown = report.path("decision");
        assertThat(shown.path("id").asText()).isEqualTo(decision.id());
        assertThat(shown.path("decidedAt").asText()).isEqualTo(decision.decidedAt().toString());
        assertThat(shown.path("modelId").asText()).isEqualTo("fraud-gbm");
        assertThat(shown.path("output").path("decision_id").asText()).isEqualTo(decision.id());
        assertThat(shown.path("output").has("score")).isTrue();
        assertThat(shown.path("output").has("used")).as("the used list is shown as the inputs").isFalse();
        assertThat(shown.path("flags").toString()).contains("MISMATCH");

        List<String> inputIds = new ArrayList<>();
        for (JsonNode input : report.path("inputs")) {
            inputIds.add(input.path("featureId").asText());
            assertThat(input.path("asOf").asText()).isNotBlank();
            assertThat(input.path("freshness").asText()).startsWith("PT");
            boolean mismatch = decision.mismatchedFeatureIds().contains(input.path("featureId").asText());
            assertThat(input.path("flags").toString().contains("MISMATCH")).isEqualTo(mismatch);
            assertThat(input.path("events")).isNotEmpty();
        }
        assertThat(inputIds).containsExactlyInAnyOrderElementsOf(decision.usedFeatureIds());

        List<String> expected = expectedCoordinates(decision);
        assertThat(report.path("records")).extracting(r -> r.path("coordinates").asText()).containsExactlyInAnyOrderElementsOf(expected);
        for (JsonNode record : report.path("records")) {
            ProducerRecord<byte[], byte[]> sent = feed.produced.get(record.path("coordinates").asText());
            assertThat(record.path("fetched").asBoolean()).isTrue();
            assertThat(record.path("sha256").path("value").asText()).as(record.path("coordinates").asText()).isEqualTo(sha256(sent.value()));
            assertThat(record.path("sha256").path("key").asText(null)).isEqualTo(sent.key() == null ? null : sha256(sent.key()));
            assertThat(record.path("sha256").path("headers").asText()).isEqualTo(sha256(headerBytes(sent.headers())));
        }
        assertThat(report.path("index").path("recordsIndexed").path("decision").asLong()).isEqualTo(feed.truth.decisions().size());
        assertThat(report.path("index").path("topics")).allSatisfy(t -> assertThat(t.path("owner").asText()).isEqualTo("not recorded"));
        JsonNode decisions = stream(report.path("index").path("topics")).filter(t -> t.path("topic").asText().equals(feed.topics.decisions()))
                .findFirst().orElseThrow();
        assertThat(decisions.path("partitions")).allSatisfy(p -> assertThat(p.path("indexedUpTo").asLong()).isEqualTo(p.path("end").asLong()));
        assertThat(report.path("legend")).hasSize(io.feedlens.lineage.trace.TraceFlag.values().length);
    }

    @Test
    void htmlHasTheLegendTheCoordinatesAndNothingExternal() throws Exception {
        GroundTruth.Decision decision = mismatched();
        String html = Files.readString(write(decision).html());

        for (FlagWords words : FlagWords.legend()) {
            assertThat(html).contains(Html.text(words.label())).contains(Html.text(words.meaning()));
        }
        expectedCoordinates(decision).forEach(at -> assertThat(html).contains(at));
        assertThat(html).contains("≠ mismatch").contains("not recorded").contains("@media print").contains(decision.id());
        assertThat(html.toLowerCase()).doesNotContain("<script").doesNotContain("src=").doesNotContain("http://")
                .doesNotContain("https://").doesNotContain("@import").doesNotContain("url(").doesNotContain("<link");
    }

    @Test
    void recordTextIsEscapedInHtml() {
        assertThat(Html.text("<script>alert('x')</script> & \"q\"")).isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
        assertThat(Html.content(JSON.getNodeFactory().textNode("</pre><img src=x>"))).doesNotContain("<img").contains("&lt;img src=x&gt;");
    }

    @Test
    void anUntouchedClusterVerifies() {
        ReportFiles files = write(feed.truth.decisions().get(5));
        Verification verification = ReportVerifier.verify(session, files.json());
        assertThat(verification.differs()).isFalse();
        assertThat(verification.checks()).hasSize(files.report().records().size()).allMatch(c -> c.outcome() == Outcome.SAME);
    }

    @Test
    void verificationNamesTheRecordWhoseDigestDiffers() throws Exception {
        ReportFiles files = write(feed.truth.decisions().get(7));
        ObjectNode report = (ObjectNode) JSON.readTree(files.json().toFile());
        JsonNode tampered = report.path("records").get(1);
        ((ObjectNode) tampered.path("sha256")).put("value", sha256("another value".getBytes(StandardCharsets.UTF_8)));
        Path copy = out.resolve("tampered.json");
        JSON.writeValue(copy.toFile(), report);

        Verification verification = ReportVerifier.verify(session, copy);
        assertThat(verification.differs()).isTrue();
        assertThat(verification.checks()).filteredOn(RecordCheck::differs).singleElement().satisfies(check -> {
            assertThat(check.coordinates()).isEqualTo(tampered.path("coordinates").asText());
            assertThat(check.outcome()).isEqualTo(Outcome.CHANGED);
            assertThat(check.changed()).containsExactly("value");
            assertThat(check.line()).contains("changed").contains(check.coordinates()).contains("value");
        });
    }

    @Test
    void recordsThatLeftRetentionOrWhoseTopicIsGoneAreNamedWithTheReasonAndStillListed(EmbeddedKafka broker) throws Exception {
        ProducedFeed doomed = ProducedFeed.generate(broker, "retention", 20, 99L);
        try (LineageStore own = LineageStore.open(Files.createTempDirectory("feedlens-retention").resolve("index"))) {
            doomed.index(own);
            GroundTruth.Decision decision = doomed.truth.decisions().get(doomed.truth.decisions().size() - 1);
            ReportFiles before = AuditReports.write(session, own, doomed.profile, ProducedFeed.decoder(), decision.id(), out).orElseThrow();
            List<RecordCoordinates> events = before.report().records().stream().filter(r -> r.role().equals("event"))
                    .map(r -> RecordCoordinates.parse(r.coordinates())).toList();
            assertThat(events).isNotEmpty();
            RecordCoordinates gone = events.get(0);
            session.admin().deleteRecords(Map.of(new TopicPartition(gone.topic(), gone.partition()), RecordsToDelete.beforeOffset(gone.offset() + 1)))
                    .all().get(10, TimeUnit.SECONDS);

            Verification verification = ReportVerifier.verify(session, before.json());
            assertThat(verification.differs()).isTrue();
            assertThat(verification.checks()).filteredOn(c -> c.coordinates().equals(gone.toString())).singleElement()
                    .satisfies(c -> assertThat(c.outcome()).isEqualTo(Outcome.LEFT_RETENTION));
            assertThat(verification.checks()).filteredOn(RecordCheck::differs)
                    .allSatisfy(c -> assertThat(RecordCoordinates.parse(c.coordinates())).matches(at -> at.topic().equals(gone.topic())
                            && at.partition() == gone.partition() && at.offset() <= gone.offset()));

            AuditReport after = AuditReports.make(session, own, doomed.profile, ProducedFeed.decoder(), decision.id(), Clock.systemUTC()).orElseThrow();
            assertThat(after.records()).filteredOn(r -> r.coordinates().equals(gone.toString())).singleElement().satisfies(r -> {
                assertThat(r.fetched()).isFalse();
                assertThat(r.unavailableKind()).isEqualTo("LEFT_RETENTION");
                assertThat(r.unavailable()).contains("retention");
            });
            assertThat(after.decision().flags()).contains(io.feedlens.lineage.trace.TraceFlag.NOT_REPLAYABLE);
            assertThat(HtmlReport.of(after)).contains("Could not be read again").contains(gone.toString());

            session.admin().deleteTopics(List.of(doomed.topics.amountStats())).all().get(10, TimeUnit.SECONDS);
            AuditReport topicGone = AuditReports.make(session, own, doomed.profile, ProducedFeed.decoder(), decision.id(), Clock.systemUTC()).orElseThrow();
            assertThat(topicGone.records()).filteredOn(r -> r.topic().equals(doomed.topics.amountStats())).singleElement().satisfies(r -> {
                assertThat(r.fetched()).isFalse();
                assertThat(r.unavailableKind()).isEqualTo("TOPIC_GONE");
                assertThat(r.unavailable()).isEqualTo("The topic '" + r.topic() + "' no longer exists.");
            });
        }
    }

    @Test
    void anUnknownDecisionMakesNoReport() {
        assertThat(AuditReports.write(session, store, feed.profile, ProducedFeed.decoder(), "d-nothing", out)).isEmpty();
    }

    private static List<String> expectedCoordinates(GroundTruth.Decision decision) {
        Map<String, GroundTruth.Feature> features = new java.util.HashMap<>();
        feed.truth.features().forEach(f -> features.put(f.id(), f));
        Map<String, GroundTruth.Event> events = new java.util.HashMap<>();
        feed.truth.events().forEach(e -> events.put(e.id(), e));
        List<String> expected = new ArrayList<>(List.of(decision.coordinates()));
        decision.usedFeatureIds().stream().map(features::get).forEach(f -> expected.add(f.coordinates()));
        decision.usedFeatureIds().stream().map(features::get).flatMap(f -> f.derivedFrom().stream()).distinct()
                .flatMap(id -> events.get(id).coordinates().stream()).distinct().forEach(expected::add);
        return expected;
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    /** The definition in RecordHashes' comment, written out again independently. */
    private static byte[] headerBytes(Iterable<Header> headers) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Header header : headers) {
            byte[] name = header.key().getBytes(StandardCharsets.UTF_8);
            bytes.writeBytes(ByteBuffer.allocate(4).putInt(name.length).array());
            bytes.writeBytes(name);
            bytes.writeBytes(ByteBuffer.allocate(4).putInt(header.value() == null ? -1 : header.value().length).array());
            if (header.value() != null) {
                bytes.writeBytes(header.value());
            }
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
