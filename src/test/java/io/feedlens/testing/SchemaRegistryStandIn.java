package io.feedlens.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * A stand-in for a Confluent Schema Registry, for tests. No registry server can be installed on these
 * machines, so this small HTTP(S) server on 127.0.0.1 answers the part of the REST API FeedLens uses,
 * true to Confluent's documentation: paths, bodies, status codes, error codes and messages, and the
 * {@code application/vnd.schemaregistry.v1+json} content type. See docs/decisions/0005.
 * <p>
 * Covered: register ({@code POST /subjects/{s}/versions}), {@code GET /schemas/ids/{id}}, {@code GET /subjects},
 * {@code GET /subjects/{s}/versions}, {@code GET /subjects/{s}/versions/{v|latest}}. Not covered: compatibility
 * checks, deletes, modes, contexts; references are kept and returned as given but never resolved.
 * <p>
 * For tests it can require basic auth, serve TLS (optionally asking for a client certificate), answer slowly,
 * answer every request with a fixed status and body (a 500, a body that is not JSON), and count requests.
 */
public final class SchemaRegistryStandIn implements AutoCloseable {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "schema-registry-stand-in");
        thread.setDaemon(true);
        return thread;
    });
    private final StandInSchemas schemas = new StandInSchemas();
    private final Map<String, AtomicInteger> requestsByPath = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Optional<String> requiredAuthorization = Optional.empty();
    private volatile Duration delay = Duration.ZERO;
    private volatile Optional<FixedAnswer> fixedAnswer = Optional.empty();

    private record FixedAnswer(int status, String body) {
    }

    /** A schema reference as the registry documents it: the name used in the schema and the subject version. */
    public record Reference(String name, String subject, int version) {
    }

    private SchemaRegistryStandIn(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(handlers); // several at once: a slow answer must not hold up the others
        server.start();
    }

    /** A plain-HTTP registry on a free port. */
    public static SchemaRegistryStandIn start() {
        return startOnPort(0);
    }

    /** A plain-HTTP registry on this port (0 for a free one): lets a test bring a "down" registry back. */
    public static SchemaRegistryStandIn startOnPort(int port) {
        try {
            return new SchemaRegistryStandIn(HttpServer.create(loopback(port), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTPS registry with the certificate in this PKCS12 keystore (see {@link TestCertificate}). */
    public static SchemaRegistryStandIn startTls(TestCertificate certificate) {
        return startTls(certificate, null);
    }

    /** An HTTPS registry that also asks clients for a certificate their {@code clients} truststore trusts. */
    public static SchemaRegistryStandIn startTls(TestCertificate certificate, TestCertificate clients) {
        try {
            HttpsServer server = HttpsServer.create(loopback(0), 0);
            SSLContext context = sslContext(certificate, clients);
            server.setHttpsConfigurator(new HttpsConfigurator(context) {
                @Override
                public void configure(HttpsParameters parameters) {
                    SSLParameters ssl = context.getDefaultSSLParameters();
                    ssl.setNeedClientAuth(clients != null);
                    parameters.setSSLParameters(ssl);
                }
            });
            return new SchemaRegistryStandIn(server);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The stand-in registry could not start TLS: " + e.getMessage(), e);
        }
    }

    /** The base URL, e.g. http://127.0.0.1:41234. */
    public String url() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Registers an Avro schema under a subject, as the REST call would, and returns its id. */
    public int register(String subject, String avroSchema) {
        return register(subject, avroSchema, "AVRO", List.of());
    }

    /** Registers a schema of any type, with references kept as given, and returns its id. */
    public int register(String subject, String schema, String schemaType, List<Reference> references) {
        try {
            return schemas.register(subject, schema, schemaType, references);
        } catch (StandInSchemas.InvalidSchema e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** From now on every request needs this user and password, else 401 as the registry answers it. */
    public SchemaRegistryStandIn requireBasicAuth(String user, String password) {
        requiredAuthorization = Optional.of("Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** Every answer waits this long first. */
    public SchemaRegistryStandIn answerAfter(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** Every request gets this status and body, whatever it asked (after auth). */
    public SchemaRegistryStandIn answerEverythingWith(int status, String body) {
        fixedAnswer = Optional.of(new FixedAnswer(status, body));
        return this;
    }

    /** Every request gets the registry's 500 for a backend store failure. */
    public SchemaRegistryStandIn answerWithServerErrors() {
        return answerEverythingWith(500, "{\"error_code\":50001,\"message\":\"Error in the backend data store\"}");
    }

    /** Back to answering normally. */
    public SchemaRegistryStandIn answerNormally() {
        fixedAnswer = Optional.empty();
        delay = Duration.ZERO;
        return this;
    }

    /** How many requests reached the server, answered or not. */
    public int requestCount() {
        return requests.get();
    }

    /** How many requests asked for exactly this path (e.g. "/schemas/ids/1"). */
    public int requestCount(String path) {
        AtomicInteger count = requestsByPath.get(path);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow(); // wakes handlers sleeping in a delay
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            requests.incrementAndGet();
            requestsByPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            if (!waitOutDelay()) {
                return;
            }
            if (requiredAuthorization.isPresent()
                    && !requiredAuthorization.get().equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"SchemaRegistry\"");
                send(exchange, 401, error(401, "Unauthorized").toString());
                return;
            }
            Optional<FixedAnswer> fixed = fixedAnswer;
            if (fixed.isPresent()) {
                send(exchange, fixed.get().status(), fixed.get().body());
                return;
            }
            StandInAnswer answer = route(exchange.getRequestMethod(), segments(path), exchange.getRequestBody());
            send(exchange, answer.status(), JSON.writeValueAsString(answer.body()));
        }
    }

    private StandInAnswer route(String method, List<String> path, InputStream body) throws IOException {
        StandInRoutes routes = new StandInRoutes(schemas);
        boolean get = method.equals("GET");
        if (path.size() == 3 && path.get(0).equals("schemas") && path.get(1).equals("ids") && get) {
            return routes.schemaById(path.get(2));
        }
        if (path.size() == 1 && path.get(0).equals("subjects") && get) {
            return routes.subjects();
        }
        if (path.size() == 3 && path.get(0).equals("subjects") && path.get(2).equals("versions")) {
            if (method.equals("POST")) {
                return routes.register(path.get(1), readJson(body));
            }
            return get ? routes.versions(path.get(1)) : StandInAnswer.methodNotAllowed();
        }
        if (path.size() == 4 && path.get(0).equals("subjects") && path.get(2).equals("versions") && get) {
            return routes.version(path.get(1), path.get(3));
        }
        return new StandInAnswer(404, error(404, "HTTP 404 Not Found"));
    }

    private boolean waitOutDelay() {
        Duration wait = delay;
        if (wait.isZero()) {
            return true;
        }
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing: leave without answering
            return false;
        }
    }

    static ObjectNode error(int code, String message) {
        return JSON.createObjectNode().put("error_code", code).put("message", message);
    }

    private static JsonNode readJson(InputStream body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    /** Path segments, each URL-decoded ("+" stays a plus: it is not a space in a path). */
    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    private static SSLContext sslContext(TestCertificate certificate, TestCertificate clients)
            throws IOException, GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(certificate.keystore(), certificate.password()), certificate.password().toCharArray());
        TrustManagerFactory trust = null;
        if (clients != null) {
            trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(clients.truststore(), clients.password()));
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path file, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
