package io.feedlens.app.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.feedlens.app.Background;
import io.feedlens.app.cluster.ClusterSession;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.lineage.extract.LineageProfile;
import io.feedlens.lineage.model.Role;
import io.feedlens.lineage.store.LineageStore;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * The indexer as the desktop runs it: one following run at a time on a worker thread, started, stopped and rebuilt on
 * request, and the index's standing against the topics (what is indexed, how far behind).
 */
public final class LineageIndexing {

    private final ClusterSession session;
    private final LineageProfile profile;
    private final LineageStore store;
    private final RecordDecoder decoder;
    private LineageIndexer running;
    private CompletableFuture<Void> run = CompletableFuture.completedFuture(null);
    private volatile IndexProgress lastProgress;
    private volatile String problem;

    LineageIndexing(ClusterSession session, LineageProfile profile, LineageStore store, RecordDecoder decoder) {
        this.session = session;
        this.profile = profile;
        this.store = store;
        this.decoder = decoder;
    }

    public synchronized boolean isRunning() {
        return running != null;
    }

    /** The last progress of the current or last run; null before the first report. */
    public IndexProgress lastProgress() {
        return lastProgress;
    }

    /** Why the last run ended early (a missing topic, a broker gone), or null. */
    public String problem() {
        return problem;
    }

    /** Starts following the profile's topics from where the index stands; does nothing when already running. */
    public synchronized void start(Consumer<IndexProgress> progress) {
        if (running != null) {
            return;
        }
        LineageIndexer indexer = new LineageIndexer(session.profile().clientConfig(), store, decoder);
        running = indexer;
        problem = null;
        run = Background.run(() -> {
            try {
                indexer.run(IndexSettings.catchUp(profile).following(true), p -> {
                    lastProgress = p;
                    progress.accept(p);
                });
            } catch (RuntimeException e) {
                problem = e.getMessage();
            } finally {
                ended(indexer);
            }
        });
    }

    private synchronized void ended(LineageIndexer indexer) {
        if (running == indexer) {
            running = null;
        }
    }

    /** Stops after the current batch and waits until it is committed. */
    public void stop() {
        CompletableFuture<Void> ending;
        synchronized (this) {
            if (running == null) {
                return;
            }
            running.stop();
            ending = run;
        }
        ending.join();
    }

    /** Empties the index (flags kept) and indexes everything again from the topics' beginning. */
    public void rebuild(Consumer<IndexProgress> progress) {
        stop();
        store.clear();
        lastProgress = null;
        start(progress);
    }

    /** Per topic of the profile: its role, the offsets indexed and the offsets in Kafka. Asks Kafka (one batch of calls). */
    public IndexStatus status() throws Exception {
        List<String> topics = profile.topics();
        Map<String, TopicDescription> described = session.admin().describeTopics(topics).allTopicNames()
                .get(ClusterSession.CALL_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        described.values().forEach(d -> d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        var ends = session.admin().listOffsets(latest).all().get(ClusterSession.CALL_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        List<TopicIndexState> states = new ArrayList<>();
        for (String topic : topics) {
            Map<Integer, Long> indexed = store.positions(topic);
            long end = 0;
            long reached = 0;
            for (var entry : ends.entrySet()) {
                if (entry.getKey().topic().equals(topic)) {
                    end += entry.getValue().offset();
                    reached += indexed.getOrDefault(entry.getKey().partition(), 0L);
                }
            }
            Role role = profile.roleOf(topic).orElseThrow();
            states.add(new TopicIndexState(topic, role, described.containsKey(topic) ? described.get(topic).partitions().size() : 0,
                    reached, end));
        }
        return new IndexStatus(states, store.counts(), isRunning(), lastProgress, problem);
    }
}
