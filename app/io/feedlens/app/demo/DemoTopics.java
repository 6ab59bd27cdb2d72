package io.feedlens.app.demo;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import io.feedlens.app.cluster.TopicReadiness;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The four topics of the demo fraud-scoring feed. The prefix lets tests (or a second demo) keep their own copies
 * on a shared cluster; the real demo uses no prefix.
 */
public record DemoTopics(String prefix) {

    static final int PARTITIONS = 3;
    static final short REPLICATION = 1;

    public DemoTopics {
        Objects.requireNonNull(prefix, "prefix");
    }

    /** The topics of the real demo: {@code payments}, {@code features.*}, {@code decisions.fraud}. */
    public static DemoTopics standard() {
        return new DemoTopics("");
    }

    /** Events: one payment attempt per record. */
    public String payments() {
        return prefix + "payments";
    }

    /** Feature view {@code txn_velocity_5m}. */
    public String txnVelocity() {
        return prefix + "features.txn_velocity";
    }

    /** Feature view {@code amount_stats_1h}. */
    public String amountStats() {
        return prefix + "features.amount_stats";
    }

    /** Decisions of the fraud model. */
    public String decisions() {
        return prefix + "decisions.fraud";
    }

    public List<String> all() {
        return List.of(payments(), txnVelocity(), amountStats(), decisions());
    }

    /** The topic that carries a feature view's records. */
    public String of(FeatureView view) {
        return switch (view) {
            case TXN_VELOCITY_5M -> txnVelocity();
            case AMOUNT_STATS_1H -> amountStats();
        };
    }

    /** Creates whichever of the four topics are missing; safe to call again, or from two processes at once. */
    public void ensureExist(Admin admin) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = all().stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, PARTITIONS, REPLICATION))
                    .toList();
            for (var result : admin.createTopics(missing).values().values()) {
                createdOrAlreadyThere(result);
            }
            TopicReadiness.awaitLeaders(admin, missing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the demo topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not list or create the demo topics: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static void createdOrAlreadyThere(KafkaFuture<Void> result)
            throws InterruptedException, ExecutionException {
        try {
            result.get();
        } catch (ExecutionException e) {
            // Someone else created it between our listing and our request: that is what we wanted anyway.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
