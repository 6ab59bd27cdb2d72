package io.feedlens.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The stand-in answers the raw REST calls with the bodies, codes and content type Confluent documents. */
class SchemaRegistryStandInTest {

    private static final String PAYMENT =
            "{\"type\":\"record\",\"name\":\"Payment\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaRegistryStandIn registry = SchemaRegistryStandIn.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void registeringTheSameSchemaAgainReturnsTheExistingId() throws Exception {
        String body = JSON.createObjectNode().put("schema", PAYMENT).toString();

        HttpResponse<String> first = post("/subjects/payments-value/versions", body);
        HttpResponse<String> again = post("/subjects/payments-value/versions", body);
        HttpResponse<String> elsewhere = post("/subjects/other-value/versions", body);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"id\":1}");
        assertThat(again.body()).isEqualTo("{\"id\":1}");
        assertThat(elsewhere.body()).isEqualTo("{\"id\":1}");
        assertThat(first.headers().firstValue("Content-Type")).hasValue("application/vnd.schemaregistry.v1+json");
        assertThat(get("/subjects/payments-value/versions").body()).isEqualTo("[1]");
    }

    @Test
    void schemaByIdLeavesOutTheTypeForAvro() throws Exception {
        int avro = registry.register("payments-value", PAYMENT);
        int json = registry.register("events-value", "{\"type\":\"object\"}", "JSON", List.of());

        assertThat(JSON.readTree(get("/schemas/ids/" + avro).body()).has("schemaType")).isFalse();
        assertThat(JSON.readTree(get("/schemas/ids/" + json).body()).get("schemaType").asText()).isEqualTo("JSON");
    }

    @Test
    void versionsAnswerWithSubjectVersionIdAndSchema() throws Exception {
        registry.register("payments-value", PAYMENT);

        String latest = get("/subjects/payments-value/versions/latest").body();

        assertThat(JSON.readTree(latest)).isEqualTo(JSON.createObjectNode()
                .put("subject", "payments-value").put("version", 1).put("id", 1).put("schema", PAYMENT));
        assertThat(get("/subjects").body()).isEqualTo("[\"payments-value\"]");
    }

    @Test
    void errorsAreTheDocumentedOnes() throws Exception {
        registry.register("payments-value", PAYMENT);

        assertAnswer(get("/schemas/ids/42"), 404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
        assertAnswer(get("/subjects/nope/versions"), 404,
                "{\"error_code\":40401,\"message\":\"Subject 'nope' not found.\"}");
        assertAnswer(get("/subjects/payments-value/versions/9"), 404,
                "{\"error_code\":40402,\"message\":\"Version not found.\"}");
        assertThat(get("/subjects/payments-value/versions/first").statusCode()).isEqualTo(422);
        assertThat(post("/subjects/x/versions", "{\"schema\":\"{not avro\"}").body()).contains("42201");

        registry.requireBasicAuth("u", "p");
        assertAnswer(get("/subjects"), 401, "{\"error_code\":401,\"message\":\"Unauthorized\"}");
        assertThat(registry.requestCount()).isEqualTo(6);
    }

    private static void assertAnswer(HttpResponse<String> response, int status, String body) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(body);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(registry.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(registry.url() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
