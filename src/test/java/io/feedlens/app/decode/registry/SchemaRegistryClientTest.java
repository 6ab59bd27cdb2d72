package io.feedlens.app.decode.registry;

import io.feedlens.app.decode.SchemaLookupException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.feedlens.app.decode.registry.RegistrySettings.StoreFile;
import io.feedlens.testing.SchemaRegistryStandIn;
import io.feedlens.testing.TestCertificate;

/** The registry client against a stand-in registry on loopback, over HTTP and HTTPS, up, down and slow. */
class SchemaRegistryClientTest {

    private static final String PAYMENT = """
            {"type":"record","name":"Payment","namespace":"io.feedlens.demo",
             "fields":[{"name":"id","type":"string"},{"name":"amount","type":"double"}]}""";
    private static final String PAYMENT_V2 = """
            {"type":"record","name":"Payment","namespace":"io.feedlens.demo",
             "fields":[{"name":"id","type":"string"},{"name":"amount","type":"double"},
                       {"name":"currency","type":"string","default":"EUR"}]}""";
    private static final Duration SHORT = Duration.ofMillis(400);
    private static final Duration PATIENT = Duration.ofSeconds(10);

    @TempDir
    static Path certificates;
    private static TestCertificate registryCertificate;

    private final List<SchemaRegistryStandIn> registries = new ArrayList<>();

    @BeforeAll
    static void makeCertificate() {
        registryCertificate = TestCertificate.create(certificates, "registry");
    }

    @AfterEach
    void stopRegistries() {
        registries.forEach(SchemaRegistryStandIn::close);
    }

    @Test
    void schemaFetchedByIdIsCachedForever() throws Exception {
        SchemaRegistryStandIn registry = started(SchemaRegistryStandIn.start());
        int id = registry.register("payments-value", PAYMENT);
        SchemaRegistryClient client = new SchemaRegistryClient(quick(registry.url()));

        Schema first = client.schemaById(id);
        Schema again = client.schemaById(id);

        assertThat(first.getFullName()).isEqualTo("io.feedlens.demo.Payment");
        assertThat(again).isSameAs(first);
        assertThat(registry.requestCount("/schemas/ids/" + id)).isEqualTo(1);
    }

    @Test
    void unknownIdSaysSchemaNotFoundAndIsNotAskedAgainAtOnce() throws Exception {
        SchemaRegistryStandIn registry = started(SchemaRegistryStandIn.start());
        SchemaRegistryClient client = new SchemaRegistryClient(
                quick(registry.url()).withUnknownIdTtl(Duration.ofMillis(300)));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> client.schemaById(99))
                    .isInstanceOf(SchemaLookupException.class)
                    .hasMessage("Schema id 99 was not found in the schema registry at " + registry.url()
                            + ". The records may have been written against another registry.");
        }
        assertThat(registry.requestCount("/schemas/ids/99")).isEqualTo(1);

        Thread.sleep(400);
        int id = registry.register("late-value", PAYMENT);
        assertThat(client.schemaById(id)).isNotNull();
    }

    @Test
    void downRegistryAnswersWithinTheTimeoutAndThenFailsFastDuringBackOff() throws Exception {
        int port = freePort();
        String url = "http://127.0.0.1:" + port;
        SchemaRegistryClient client = new SchemaRegistryClient(quick(url).withDownBackOff(Duration.ofMillis(700)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.schemaById(1))
                .hasMessage("Schema registry at " + url + " refused the connection.");
        assertThat(millisSince(start)).isLessThan(2_000);

        start = System.nanoTime();
        assertThatThrownBy(() -> client.schemaById(2))
                .hasMessageStartingWith("Schema registry at " + url + " refused the connection (last tried at ")
                .hasMessageContaining("; FeedLens asks again after ");
        assertThat(millisSince(start)).isLessThan(100);

        SchemaRegistryStandIn registry = started(SchemaRegistryStandIn.startOnPort(port));
        int id = registry.register("payments-value", PAYMENT);
        Thread.sleep(800);
        assertThat(client.schemaById(id).getName()).isEqualTo("Payment");
    }

    @Test
    void slowRegistryGivesUpAfterTheRequestTimeout() {
        SchemaRegistryStandIn registry = started(SchemaRegistryStandIn.start());
        int id = registry.register("payments-value", PAYMENT);
        registry.answerAfter(Duration.ofSeconds(5));
        SchemaRegistryClient client = new SchemaRegistryClient(quick(registry.url()));

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.schemaById(id))
                .isInstanceOf(SchemaLookupException.class)
                .hasMessage("Schema registry at " + registry.url() + " did not answer within 400 ms.");
        assertThat(millisSince(start)).isBetween(350L, 2_000L);

        assertThatThrownBy(() -> client.schemaById(id + 1)).hasMessageContaining("last tried at");
        assertThat(registry.requestCount()).isEqualTo(1);
    }

    @Test
    void concurrentLookupsOfOneIdShareOneRequest() throws Exception {
        SchemaRegistryStandIn registry = started(SchemaRegistryStandIn.start());
        int id = registry.register("payments-value", PAYMENT);
        registry.answerAfter(Duration.ofMillis(200));
        SchemaRegistryClient client = new SchemaRegistryClient(quick(registry.url()));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Schema>> lookups = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                lookups.add(() -> client.schemaById(id));
            }
            for (Future<Schema> lookup : threads.invokeAll(lookups)) {
                assertThat(lookup.get().getName()).isEqualTo("Payment");
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(registry.requestCount("/schemas/ids/" + id)).isEqualTo(1);
    }

    @Test
    void wrongPasswordSaysCredentialsWereRefusedWithoutPrintingThem() {
        SchemaRegistryStandIn registry = started(SchemaRegistryStandIn.start());
        int id = registry.register("payments-value", PAYMENT);
        registry.requireBasicAuth("feedlens", "the-right-one");
        RegistrySettings settings = RegistrySettings.fromProperties(Map.of(
                "schema.registry.url", registry.url(),
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "feedlens:wrong-s3cret"));
        SchemaRegistryClient client = new SchemaRegistryClient(settings);

        assertThatThrownBy(() -> client.schemaById(id))
                .hasMessage("The schema registry at " + registry.url()
                        + " refused the credentials (HTTP 401). Check basic.auth.user.info.")
                .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain("wrong-s3cret"));
        assertThat(settings.toString()).contains("feedlens").doesNotContain("wrong-s3cret");
    }

    @Test
    void rightPasswordIsSentWithEveryRequest() throws Exception {
        SchemaRegistryStandIn registry = started(SchemaRegistryStandIn.start());
        int id = registry.register("payments-value", PAYMENT);
        registry.requireBasicAuth("feedlens", "pa:ss");
        SchemaRegistryClient client = new SchemaRegistryClient(quick(registry.url()).withBasicAuth("feedlens", "pa:ss"));

        assertThat(client.schemaById(id).getName()).isEqualTo("Payment");
        assertThat(client.subjects()).containsExactly("payments-value");
    }

    @Test
    void registryOverTlsWithTheTestsOwnCertificate() throws Exception {
        SchemaRegistryStandIn registry = started(SchemaRegistryStandIn.startTls(registryCertificate));
        int id = registry.register("payments-value", PAYMENT);
        RegistrySettings settings = RegistrySettings.fromProperties(Map.of(
                "schema.registry.url", registry.url(),
                "schema.registry.ssl.truststore.location", registryCertificate.truststore().toString(),
                "schema.registry.ssl.truststore.password", registryCertificate.password(),
                "schema.registry.ssl.truststore.type", "PKCS12"));

        assertThat(registry.url()).startsWith("https://");
        assertThat(new SchemaRegistryClient(settings).schemaById(id).getName()).isEqualTo("Payment");
        assertThat(settings.toString()).doesNotContain(registryCertificate.password());
    }

    @Test
    void untrustedCertificateSaysTheHandshakeFailed() {
        SchemaRegistryStandIn registry = started(SchemaRegistryStandIn.startTls(registryCertificate));
        SchemaRegistryClient client = new SchemaRegistryClient(quick(registry.url()));

        assertThatThrownBy(() -> client.schemaById(1))
                .hasMessageStartingWith("The TLS handshake with the schema registry at " + registry.url() + " failed")
                .hasMessageEndingWith("Check the truststore and that the URL is https.");
    }

    @Test
    void mutualTlsPresentsTheKeystore() throws Exception {
        TestCertificate feedlens = TestCertificate.create(certificates, "feedlens-client");
        SchemaRegistryStandIn registry = started(SchemaRegistryStandIn.startTls(registryCertificate, feedlens));
        int id = registry.register("payments-value", PAYMENT);
        // A TLS handshake with client keys can take over a second on a busy 2-core machine: this test is about the
        // keystore, not about timeouts, so it waits as long as a person would.
        RegistrySettings settings = RegistrySettings.of(registry.url()).withTimeouts(PATIENT, PATIENT)
                .withTruststore(new StoreFile(registryCertificate.truststore(), registryCertificate.password(), "PKCS12"))
                .withKeystore(new StoreFile(feedlens.keystore(), feedlens.password(), "PKCS12"));

        assertThat(new SchemaRegistryClient(settings).schemaById(id).getName()).isEqualTo("Payment");
    }

    @Test
    void secondUrlIsTriedWhenTheFirstRefuses() throws Exception {
        SchemaRegistryStandIn registry = started(SchemaRegistryStandIn.start());
        int id = registry.register("payments-value", PAYMENT);
        String refusing = "http://127.0.0.1:" + freePort();
        SchemaRegistryClient client = new SchemaRegistryClient(quick(refusing + ", " + registry.url()));

        assertThat(client.schemaById(id).getName()).isEqualTo("Payment");
        assertThat(client.location()).isEqualTo(refusing + ", " + registry.url());
    }

    @Test
    void subjectsAndVersionsAreListedWithTheirSchemas() throws Exception {
        SchemaRegistryStandIn registry = started(SchemaRegistryStandIn.start());
        int v1 = registry.register("payments value/eu", PAYMENT);
        int v2 = registry.register("payments value/eu", PAYMENT_V2);
        registry.register("orders-value", PAYMENT);
        SchemaRegistryClient client = new SchemaRegistryClient(quick(registry.url()));

        assertThat(client.subjects()).containsExactly("payments value/eu", "orders-value");
        assertThat(client.versions("payments value/eu")).containsExactly(1, 2);
        SubjectVersion first = client.version("payments value/eu", 1);
        assertThat(first.id()).isEqualTo(v1);
        assertThat(first.schema().getFields()).hasSize(2);
        SubjectVersion latest = client.latestVersion("payments value/eu");
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.id()).isEqualTo(v2);
        assertThat(latest.subject()).isEqualTo("payments value/eu");

        // The same schema under another subject keeps its id, and what a version told us needs no new request.
        assertThat(client.version("orders-value", 1).id()).isEqualTo(v1);
        client.schemaById(v2);
        assertThat(registry.requestCount("/schemas/ids/" + v2)).isZero();
    }

    @Test
    void unknownSubjectAndVersionAreNamedInTheMessage() {
        SchemaRegistryStandIn registry = started(SchemaRegistryStandIn.start());
        registry.register("payments-value", PAYMENT);
        SchemaRegistryClient client = new SchemaRegistryClient(quick(registry.url()));

        assertThatThrownBy(() -> client.versions("nope"))
                .hasMessage("Subject 'nope' was not found in the schema registry at " + registry.url() + ".");
        assertThatThrownBy(() -> client.version("payments-value", 7))
                .hasMessage("Version 7 of subject 'payments-value' was not found in the schema registry at "
                        + registry.url() + ".");
    }

    @Test
    void serverErrorSaysWhatTheRegistryAnswered() {
        SchemaRegistryStandIn registry = started(SchemaRegistryStandIn.start());
        registry.answerWithServerErrors();
        SchemaRegistryClient client = new SchemaRegistryClient(quick(registry.url()));

        assertThatThrownBy(() -> client.schemaById(1))
                .hasMessage("The schema registry at " + registry.url()
                        + " answered with an error: Error in the backend data store (HTTP 500).");
        assertThatThrownBy(client::subjects).hasMessageContaining("answered with an error");
    }

    @Test
    void bodyThatIsNotJsonIsALookupFailureNotACrash() {
        SchemaRegistryStandIn registry = started(SchemaRegistryStandIn.start());
        registry.answerEverythingWith(200, "<html>a proxy's login page</html>");
        SchemaRegistryClient client = new SchemaRegistryClient(quick(registry.url()));

        assertThatThrownBy(() -> client.schemaById(1))
                .isInstanceOf(SchemaLookupException.class)
                .hasMessageContaining("with a body FeedLens cannot read");
        registry.answerEverythingWith(200, "{\"schema\":\"{not avro\"}");
        assertThatThrownBy(() -> client.schemaById(1))
                .isInstanceOf(SchemaLookupException.class)
                .hasMessageStartingWith("Schema id 1 in the schema registry at " + registry.url()
                        + " is not a valid Avro schema");
    }

    @Test
    void nonAvroSchemaSaysOnlyAvroIsDecodedForNow() {
        SchemaRegistryStandIn registry = started(SchemaRegistryStandIn.start());
        int id = registry.register("events-value", "{\"type\":\"object\"}", "JSON", List.of());
        SchemaRegistryClient client = new SchemaRegistryClient(quick(registry.url()));

        assertThatThrownBy(() -> client.schemaById(id))
                .hasMessage("Schema id " + id + " in the schema registry at " + registry.url()
                        + " is a JSON schema; FeedLens decodes only Avro from the registry for now.");
    }

    @Test
    void schemaWithReferencesSaysReferencesAreNotResolvedYet() {
        SchemaRegistryStandIn registry = started(SchemaRegistryStandIn.start());
        registry.register("money", "{\"type\":\"fixed\",\"name\":\"io.feedlens.Money\",\"size\":8}");
        int id = registry.register("payments-value",
                "{\"type\":\"record\",\"name\":\"Payment\",\"fields\":[{\"name\":\"amount\",\"type\":\"io.feedlens.Money\"}]}",
                "AVRO", List.of(new SchemaRegistryStandIn.Reference("io.feedlens.Money", "money", 1)));
        SchemaRegistryClient client = new SchemaRegistryClient(quick(registry.url()));

        assertThatThrownBy(() -> client.schemaById(id))
                .hasMessageContaining("uses schema references (io.feedlens.Money (money version 1))")
                .hasMessageEndingWith("FeedLens does not resolve schema references yet.");
    }

    @Test
    void propertiesUseConfluentNamesAndKeepSecretsOut() {
        RegistrySettings settings = RegistrySettings.fromProperties(Map.of(
                "schema.registry.url", "https://a.example:8081/, https://b.example:8081",
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "svc:top-secret",
                "schema.registry.ssl.keystore.location", "/etc/feedlens/client.p12",
                "schema.registry.ssl.keystore.password", "keystore-secret",
                "schema.registry.ssl.keystore.type", "pkcs12"));

        assertThat(settings.location()).isEqualTo("https://a.example:8081, https://b.example:8081");
        assertThat(settings.basicAuth()).hasValueSatisfying(auth -> assertThat(auth.password()).isEqualTo("top-secret"));
        assertThat(settings.keystore()).hasValueSatisfying(store -> assertThat(store.type()).isEqualTo("PKCS12"));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.toString()).doesNotContain("top-secret", "keystore-secret");

        RegistrySettings inUrl = RegistrySettings.fromProperties(Map.of("schema.registry.url", "http://svc:pw-in-url@r:8081"));
        assertThat(inUrl.location()).isEqualTo("http://r:8081");
        assertThat(inUrl.basicAuth()).hasValueSatisfying(auth -> assertThat(auth.user()).isEqualTo("svc"));
        assertThat(inUrl.toString()).doesNotContain("pw-in-url");
    }

    private SchemaRegistryStandIn started(SchemaRegistryStandIn registry) {
        registries.add(registry);
        return registry;
    }

    private static RegistrySettings quick(String urls) {
        return RegistrySettings.of(urls).withTimeouts(SHORT, SHORT).withDownBackOff(Duration.ofSeconds(30));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }

    private static String stackTraceOf(Throwable e) {
        var out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
