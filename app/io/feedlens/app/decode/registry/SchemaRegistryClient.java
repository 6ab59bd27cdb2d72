package io.feedlens.app.decode.registry;

import io.feedlens.app.decode.SchemaLookupException;
import io.feedlens.app.decode.SchemaRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import org.apache.avro.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Schema Registry over its REST API, as Confluent documents it. Thread-safe.
 * <p>
 * Schemas are cached by id forever, because registry ids are immutable. Ids the registry does not know are
 * remembered for a short while, and a registry that did not answer is left alone for a short back-off:
 * a topic full of unknown ids, or a scan while the registry is down, costs a few requests, not one per record.
 * Concurrent lookups of one id share one request.
 */
public final class SchemaRegistryClient implements SchemaRegistry {

    private record UnknownId(Instant until, String message) {
    }

    /** Above this many remembered unknown ids, expired ones are swept on the next miss. */
    private static final int UNKNOWN_SWEEP_SIZE = 10_000;

    private final RegistrySettings settings;
    private final RegistryHttp http;
    private final RegistryAvailability availability;
    private final Clock clock;
    private final Map<Integer, CompletableFuture<Schema>> schemas = new ConcurrentHashMap<>();
    private final Map<Integer, UnknownId> unknownIds = new ConcurrentHashMap<>();

    /**
     * A client for these settings; nothing is sent until the first lookup.
     *
     * @throws IllegalArgumentException when a truststore or keystore cannot be read (the message says which)
     */
    public SchemaRegistryClient(RegistrySettings settings) {
        this(settings, Clock.systemDefaultZone());
    }

    SchemaRegistryClient(RegistrySettings settings, Clock clock) {
        this.settings = settings;
        this.http = new RegistryHttp(settings);
        this.clock = clock;
        this.availability = new RegistryAvailability(settings.downBackOff(), clock);
    }

    @Override
    public String location() {
        return settings.location();
    }

    @Override
    public Schema schemaById(int id) throws SchemaLookupException {
        CompletableFuture<Schema> known = schemas.get(id);
        if (known != null) {
            return await(known, id);
        }
        failIfRememberedUnknown(id);
        failIfDown();
        CompletableFuture<Schema> mine = new CompletableFuture<>();
        CompletableFuture<Schema> other = schemas.putIfAbsent(id, mine);
        if (other != null) {
            return await(other, id);
        }
        try {
            Schema schema = fetch(id);
            mine.complete(schema);
            return schema;
        } catch (SchemaLookupException | RuntimeException | Error e) {
            // Failures are not cached here (unknown ids and a down registry have their own, shorter memory).
            schemas.remove(id, mine);
            SchemaLookupException failure = e instanceof SchemaLookupException lookup ? lookup
                    : new SchemaLookupException("Reading schema id " + id + " from the schema registry at "
                    + location() + " failed unexpectedly: " + e, e);
            mine.completeExceptionally(failure);
            throw failure;
        }
    }

    /** All subject names, as {@code GET /subjects} lists them. */
    public List<String> subjects() throws SchemaLookupException {
        JsonNode list = array(call(RegistryRequest.subjects()), RegistryRequest.subjects());
        List<String> subjects = new ArrayList<>();
        list.forEach(node -> subjects.add(node.asText()));
        return List.copyOf(subjects);
    }

    /** The version numbers registered under a subject, as {@code GET /subjects/{subject}/versions} lists them. */
    public List<Integer> versions(String subject) throws SchemaLookupException {
        RegistryRequest request = RegistryRequest.versions(subject);
        JsonNode list = array(call(request), request);
        List<Integer> versions = new ArrayList<>();
        list.forEach(node -> versions.add(node.asInt()));
        return List.copyOf(versions);
    }

    /** One version of a subject with its schema and id. */
    public SubjectVersion version(String subject, int version) throws SchemaLookupException {
        if (version < 1) {
            throw new IllegalArgumentException("Versions count from 1; use latestVersion for the latest.");
        }
        return subjectVersion(RegistryRequest.version(subject, String.valueOf(version)));
    }

    /** The newest version of a subject. */
    public SubjectVersion latestVersion(String subject) throws SchemaLookupException {
        return subjectVersion(RegistryRequest.version(subject, "latest"));
    }

    private SubjectVersion subjectVersion(RegistryRequest request) throws SchemaLookupException {
        RegistryHttp.Answer answer = call(request);
        JsonNode body = answer.json();
        if (body == null || !body.path("id").canConvertToInt() || !body.path("version").canConvertToInt()) {
            throw malformed(answer, request);
        }
        int id = body.get("id").asInt();
        Schema schema = RegistrySchemaText.avro(body, request, answer.url());
        // Ids are immutable, so what we learned here also answers later lookups by id.
        schemas.putIfAbsent(id, CompletableFuture.completedFuture(schema));
        String subject = body.path("subject").asText(request.subject());
        return new SubjectVersion(subject, body.get("version").asInt(), id, schema);
    }

    private Schema fetch(int id) throws SchemaLookupException {
        RegistryRequest request = RegistryRequest.schemaById(id);
        RegistryHttp.Answer answer = send(request);
        if (answer.status() == 404 && answer.errorCode() == RegistryErrors.SCHEMA_NOT_FOUND) {
            SchemaLookupException notFound = explain(answer, request);
            unknownIds.put(id, new UnknownId(clock.instant().plus(settings.unknownIdTtl()), notFound.getMessage()));
            throw notFound;
        }
        if (!answer.ok()) {
            throw explain(answer, request);
        }
        if (answer.json() == null) {
            throw malformed(answer, request);
        }
        return RegistrySchemaText.avro(answer.json(), request, answer.url());
    }

    /** A successful answer, or a SchemaLookupException that says what went wrong. */
    private RegistryHttp.Answer call(RegistryRequest request) throws SchemaLookupException {
        RegistryHttp.Answer answer = send(request);
        if (!answer.ok()) {
            throw explain(answer, request);
        }
        if (answer.json() == null) {
            throw malformed(answer, request);
        }
        return answer;
    }

    private RegistryHttp.Answer send(RegistryRequest request) throws SchemaLookupException {
        try {
            RegistryHttp.Answer answer = http.get(request);
            availability.markUp();
            return answer;
        } catch (RegistryHttp.Unreachable e) {
            availability.markDown(e.getMessage());
            throw new SchemaLookupException(e.getMessage() + ".", e);
        }
    }

    private void failIfRememberedUnknown(int id) throws SchemaLookupException {
        UnknownId unknown = unknownIds.get(id);
        Instant now = clock.instant();
        if (unknown != null && now.isBefore(unknown.until())) {
            throw new SchemaLookupException(unknown.message());
        }
        if (unknown != null) {
            unknownIds.remove(id, unknown);
        }
        if (unknownIds.size() > UNKNOWN_SWEEP_SIZE) {
            unknownIds.values().removeIf(entry -> !now.isBefore(entry.until()));
        }
    }

    private void failIfDown() throws SchemaLookupException {
        var down = availability.stillDown();
        if (down.isPresent()) {
            throw new SchemaLookupException(down.get());
        }
    }

    private Schema await(CompletableFuture<Schema> future, int id) throws SchemaLookupException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // Another thread's lookup failed: the same words, with a stack trace of our own.
            throw new SchemaLookupException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaLookupException("Interrupted while waiting for schema id " + id
                    + " from the schema registry at " + location() + ".", e);
        }
    }

    private SchemaLookupException explain(RegistryHttp.Answer answer, RegistryRequest request) {
        return RegistryErrors.explain(answer, request, settings.basicAuth().isPresent());
    }

    private static JsonNode array(RegistryHttp.Answer answer, RegistryRequest request) throws SchemaLookupException {
        if (!answer.json().isArray()) {
            throw malformed(answer, request);
        }
        return answer.json();
    }

    private static SchemaLookupException malformed(RegistryHttp.Answer answer, RegistryRequest request) {
        return new SchemaLookupException("The schema registry at " + answer.url() + " answered the request for "
                + request.describe() + " with a body FeedLens cannot read (not the documented JSON). "
                + "Is this URL a schema registry?");
    }
}
