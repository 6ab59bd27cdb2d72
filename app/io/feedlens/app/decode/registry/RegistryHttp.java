package io.feedlens.app.decode.registry;

import io.feedlens.app.decode.SchemaLookupException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends one GET to the registry, trying the next base URL when one cannot be connected to
 * (as Confluent's clients do), and says in words what went wrong on the way.
 */
final class RegistryHttp {

    /** The media types Confluent's own clients accept, newest first. */
    static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json, application/json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the registry answered: the status and the body as JSON (null when the body is not JSON). */
    record Answer(URI url, int status, JsonNode json) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Confluent's {@code error_code} from an error body, or the HTTP status when the body has none. */
        int errorCode() {
            return json != null && json.path("error_code").canConvertToInt() ? json.get("error_code").asInt() : status;
        }

        Optional<String> registryMessage() {
            return json != null && json.path("message").isTextual()
                    ? Optional.of(json.get("message").asText()) : Optional.empty();
        }
    }

    /** No URL could be reached, or the registry did not answer in time: the registry counts as down. */
    static final class Unreachable extends Exception {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final RegistrySettings settings;
    private final HttpClient client;
    private final Optional<String> authorization;

    RegistryHttp(RegistrySettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .sslContext(RegistryTls.context(settings))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.authorization = settings.basicAuth().map(auth -> "Basic " + Base64.getEncoder()
                .encodeToString((auth.user() + ":" + auth.password()).getBytes(StandardCharsets.UTF_8)));
    }

    Answer get(RegistryRequest request) throws Unreachable, SchemaLookupException {
        List<String> failures = new ArrayList<>();
        IOException last = null;
        for (URI base : settings.urls()) {
            try {
                return send(base, request);
            } catch (HttpConnectTimeoutException e) {
                failures.add("at " + base + " did not accept a connection within " + say(settings.connectTimeout()));
                last = e;
            } catch (HttpTimeoutException e) {
                // The request reached a registry that is too slow; another URL would likely be as slow.
                throw new Unreachable("Schema registry at " + base + " did not answer within "
                        + say(settings.requestTimeout()), e);
            } catch (ConnectException e) {
                failures.add("at " + base + (e.getCause() instanceof UnresolvedAddressException
                        ? " could not be found (unknown host)" : " refused the connection"));
                last = e;
            } catch (SSLException e) {
                throw new SchemaLookupException("The TLS handshake with the schema registry at " + base
                        + " failed: " + e.getMessage() + ". Check the truststore and that the URL is https.", e);
            } catch (IOException e) {
                throw new SchemaLookupException("Talking to the schema registry at " + base + " about "
                        + request.describe() + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaLookupException("Interrupted while asking the schema registry at " + base
                        + " for " + request.describe() + ".", e);
            }
        }
        throw new Unreachable("Schema registry " + String.join("; ", failures), last);
    }

    private Answer send(URI base, RegistryRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(base + request.path()))
                .timeout(settings.requestTimeout())
                .header("Accept", ACCEPT)
                .GET();
        authorization.ifPresent(value -> http.header("Authorization", value));
        HttpResponse<String> response = client.send(http.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(base, response.statusCode(), parse(response.body()));
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** "5 s", "300 ms", "1.5 s": durations as people write them. */
    static String say(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return (millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0)) + " s";
    }
}
