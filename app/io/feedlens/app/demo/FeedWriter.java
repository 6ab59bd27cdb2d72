package io.feedlens.app.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.feedlens.lineage.RecordCoordinates;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends a seeded feed's records and notes, for each, the fact it stands for. Sends are not awaited one by one (that
 * would take minutes for a big feed); the coordinates are read from the send results once everything is flushed.
 */
final class FeedWriter {

    private record EventDraft(Payment payment, List<Future<RecordMetadata>> sends) {
    }

    private record FeatureDraft(FeatureValue feature, Future<RecordMetadata> send, List<String> derivedFrom) {
    }

    private record DecisionDraft(FraudDecision decision, Future<RecordMetadata> send, List<String> stale, List<String> mismatched) {
    }

    private record HardCaseDraft(GroundTruth.Kind kind, List<String> ids, List<Future<RecordMetadata>> sends, String note) {
    }

    private final Producer<byte[], byte[]> producer;
    private final Map<String, Integer> recordsWritten = new TreeMap<>();
    private final List<EventDraft> events = new ArrayList<>();
    private final List<FeatureDraft> features = new ArrayList<>();
    private final List<DecisionDraft> decisions = new ArrayList<>();
    private final List<HardCaseDraft> hardCases = new ArrayList<>();

    FeedWriter(Producer<byte[], byte[]> producer) {
        this.producer = producer;
    }

    Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
        recordsWritten.merge(record.topic(), 1, Integer::sum);
        return producer.send(record);
    }

    void event(Payment payment, List<Future<RecordMetadata>> sends) {
        events.add(new EventDraft(payment, sends));
    }

    void feature(FeatureValue feature, Future<RecordMetadata> send, List<String> derivedFrom) {
        features.add(new FeatureDraft(feature, send, derivedFrom));
    }

    void decision(FraudDecision decision, Future<RecordMetadata> send, List<String> stale, List<String> mismatched) {
        decisions.add(new DecisionDraft(decision, send, stale, mismatched));
    }

    void hardCase(GroundTruth.Kind kind, List<String> ids, List<Future<RecordMetadata>> sends, String note) {
        hardCases.add(new HardCaseDraft(kind, ids, sends, note));
    }

    /** Flushes the producer, then builds the truth from the send results; fails if any record was not written. */
    GroundTruth finish(FeedSpec spec) {
        producer.flush();
        return new GroundTruth(spec.seed(), spec.decisions(), spec.start(), spec.topics().prefix(),
                events.stream().map(FeedWriter::eventTruth).toList(),
                features.stream().map(FeedWriter::featureTruth).toList(),
                decisions.stream().map(FeedWriter::decisionTruth).toList(),
                hardCases.stream().map(c -> new GroundTruth.HardCase(c.kind(), c.ids(), coordinatesOf(c.sends()), c.note())).toList(),
                Map.copyOf(recordsWritten));
    }

    private static GroundTruth.Event eventTruth(EventDraft draft) {
        Payment payment = draft.payment();
        return new GroundTruth.Event(payment.paymentId(), payment.card(), payment.eventTime(), coordinatesOf(draft.sends()));
    }

    private static GroundTruth.Feature featureTruth(FeatureDraft draft) {
        FeatureValue f = draft.feature();
        return new GroundTruth.Feature(f.featureId(), f.view().viewName(), f.version(), f.card(), f.asOf(), f.value(),
                FeatureSchemas.fingerprint(FeatureSchemas.schemaOf(f)), coordinatesOf(draft.send()), draft.derivedFrom());
    }

    private static GroundTruth.Decision decisionTruth(DecisionDraft draft) {
        FraudDecision d = draft.decision();
        return new GroundTruth.Decision(d.decisionId(), d.decidedAt(), d.card(), coordinatesOf(draft.send()), d.usedLogged(),
                d.used().stream().map(UsedFeature::featureId).toList(), draft.stale(), draft.mismatched());
    }

    private static List<String> coordinatesOf(List<Future<RecordMetadata>> sends) {
        return sends.stream().map(FeedWriter::coordinatesOf).toList();
    }

    private static String coordinatesOf(Future<RecordMetadata> send) {
        try {
            RecordMetadata written = send.get();
            return new RecordCoordinates(written.topic(), written.partition(), written.offset()).toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the demo feed's writes", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A demo feed record was not written: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
