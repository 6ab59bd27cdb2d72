package io.feedlens.app.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedlens.app.DataFolder;
import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.cli.SearchCommand;
import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.cluster.ClusterSession;
import io.feedlens.app.decode.ClusterDecoding;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.demo.GroundTruth;
import io.feedlens.app.export.ExportFormat;
import io.feedlens.app.export.RecordExport;
import io.feedlens.app.report.AuditReports;
import io.feedlens.app.report.ProducedFeed;
import io.feedlens.app.report.RecordHashes;
import io.feedlens.app.report.ReportFiles;
import io.feedlens.app.scan.ScanRequest;
import io.feedlens.app.search.RecordFilter;
import io.feedlens.lineage.store.LineageStore;
import io.feedlens.testing.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A masked field (the payments' merchant) appears in no export, no audit report and no {@code feedlens search}
 * output, while the report's digests stay those of the raw bytes.
 */
@KafkaBroker
class MaskedEverywhereTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ProducedFeed feed;
    private static LineageStore store;
    private static ClusterSession session;
    private static GovernanceStore governance;
    /** Every merchant written to the payments topic: none may be shown. */
    private static final Set<String> merchants = new TreeSet<>();

    @TempDir
    Path out;

    @BeforeAll
    static void aFeedWhosePaymentMerchantsAreMasked(EmbeddedKafka broker) throws Exception {
        feed = ProducedFeed.generate(broker, "masked", 30, 4242L);
        store = LineageStore.open(Files.createTempDirectory("feedlens-masked").resolve("index"));
        feed.index(store);
        session = ClusterSession.connect(ClusterProfile.of("test", broker.bootstrapServers())).join().session();
        governance = new GovernanceStore(DataFolder.path(), session.overview().join().clusterId());
        String payments = feed.topics.payments();
        governance.update(g -> g.withRule(new MaskRule(payments, MaskRule.Part.VALUE, "$.merchant", MaskAction.MASK))
                .withTopic(payments, new TopicGovernance("payments-team@acme.example", Classification.SENSITIVE, null, null)));
        // By pattern, not by parsing: the feed also writes broken JSON on purpose, and its merchants must not show either.
        java.util.regex.Pattern merchant = java.util.regex.Pattern.compile("\"merchant\"\\s*:\\s*\"([^\"]+)\"");
        for (var sent : feed.produced.values()) {
            if (sent.topic().equals(payments) && sent.value() != null) {
                merchant.matcher(new String(sent.value(), java.nio.charset.StandardCharsets.UTF_8)).results().forEach(m -> merchants.add(m.group(1)));
            }
        }
        assertThat(merchants).as("the feed has payments with merchants").isNotEmpty().doesNotContain("");
    }

    @AfterAll
    static void close() {
        session.close();
        store.close();
    }

    private static void assertNoMerchantIn(String text) {
        for (String merchant : merchants) {
            assertThat(text).as("masked merchant " + merchant).doesNotContain(merchant);
        }
    }

    @Test
    void exportsOfASearchHoldNoMaskedValue() throws Exception {
        RecordDecoder decoder = ClusterDecoding.decoderFor(session.profile(), null, governance.masking());
        for (ExportFormat format : ExportFormat.values()) {
            Path file = out.resolve("payments." + format.name());
            RecordExport.allMatches(session.profile().clientConfig(), decoder, ScanRequest.wholeTopic(feed.topics.payments(), RecordFilter.all()),
                    file, format).completion().get(60, TimeUnit.SECONDS);
            String written = Files.readString(file);
            assertThat(written.lines().count()).as(format + " rows").isGreaterThan(30);
            assertThat(written).as(format.name()).contains("****");
            assertNoMerchantIn(written);
        }
    }

    @Test
    void searchOutputHoldsNoMaskedValueAsTextOrJson() {
        for (java.util.List<String> asJson : java.util.List.of(java.util.List.<String>of(), java.util.List.of("--json"))) {
            StringWriter printed = new StringWriter();
            CommandLine line = new CommandLine(new SearchCommand());
            line.setOut(new PrintWriter(printed, true));
            line.setErr(new PrintWriter(new StringWriter(), true));
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(feed.topics.payments(), "--bootstrap", feed.broker.bootstrapServers()));
            args.addAll(asJson);
            assertThat(line.execute(args.toArray(String[]::new))).isZero();
            assertThat(printed.toString()).contains("****").contains("payment_id");
            assertNoMerchantIn(printed.toString());
        }
    }

    @Test
    void theAuditReportHoldsNoMaskedValueYetHashesTheRawBytesAndNamesTheOwner() throws Exception {
        GroundTruth.Decision decision = feed.truth.decisions().get(3);
        // Handed an unmasking decoder on purpose: the report applies the cluster's rules itself.
        ReportFiles files = AuditReports.write(session, store, feed.profile, ProducedFeed.decoder(), decision.id(), out).orElseThrow();
        String html = Files.readString(files.html());
        String json = Files.readString(files.json());

        assertNoMerchantIn(html);
        assertNoMerchantIn(json);
        int payments = 0;
        for (JsonNode record : JSON.readTree(json).path("records")) {
            if (record.path("topic").asText().equals(feed.topics.payments())) {
                payments++;
                assertThat(record.path("value").toString()).contains("\"merchant\":\"****\"");
                byte[] raw = feed.produced.get(record.path("coordinates").asText()).value();
                assertThat(record.path("sha256").path("value").asText()).isEqualTo(RecordHashes.sha256(raw));
            }
        }
        assertThat(payments).as("payments in the report").isPositive();
        assertThat(html).contains("payments-team@acme.example");
    }
}
