package io.feedlens.app.cluster;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.Background;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TopicListing;
import org.apache.kafka.common.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open connection to one cluster. Holds the Admin client that every screen shares.
 *
 * <p>Calls are bounded by {@link #CALL_TIMEOUT} so a dead broker gives an answer within seconds,
 * and every failure arrives as a {@link ConnectionProblem} that says what to check.
 */
public final class ClusterSession implements AutoCloseable {

    /** How long one admin call may take before the person is told the cluster does not answer. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(8);

    private static final Logger log = LoggerFactory.getLogger(ClusterSession.class);

    private final ClusterProfile profile;
    private final Admin admin;

    private ClusterSession(ClusterProfile profile, Admin admin) {
        this.profile = profile;
        this.admin = admin;
    }

    /** Opens a session and proves the cluster answers by fetching its overview. */
    public static CompletableFuture<Connected> connect(ClusterProfile profile) {
        return Background.supply(() -> open(profile))
                .thenCompose(session -> session.overview()
                        .thenApply(overview -> new Connected(session, overview))
                        .whenComplete((connected, failure) -> {
                            if (failure != null) {
                                session.close();
                            }
                        }));
    }

    /** A session together with the overview that proved it works. */
    public record Connected(ClusterSession session, ClusterOverview overview) {
    }

    static ClusterSession open(ClusterProfile profile) {
        Map<String, Object> config = new HashMap<>(profile.clientConfig());
        int timeoutMs = (int) CALL_TIMEOUT.toMillis();
        config.putIfAbsent("client.id", "feedlens-admin");
        config.putIfAbsent("default.api.timeout.ms", timeoutMs);
        config.putIfAbsent("request.timeout.ms", timeoutMs - 1000);
        config.putIfAbsent("socket.connection.setup.timeout.ms", 3000);
        config.putIfAbsent("socket.connection.setup.timeout.max.ms", 5000);
        config.putIfAbsent("reconnect.backoff.max.ms", 1000);
        // The profile's toString hides its secrets; references are resolved inside the Kafka client, not here.
        log.info("Connecting to {}", profile);
        try {
            return new ClusterSession(profile, Admin.create(config));
        } catch (RuntimeException e) {
            throw ConnectionProblem.explain(profile.bootstrapServers(), e);
        }
    }

    public ClusterProfile profile() {
        return profile;
    }

    /** The shared Admin client, for the services of later screens. */
    public Admin admin() {
        return admin;
    }

    /** Cluster id, controller, brokers, and how many topics and partitions there are. */
    public CompletableFuture<ClusterOverview> overview() {
        return Background.supply(this::fetchOverview);
    }

    private ClusterOverview fetchOverview() {
        try {
            DescribeClusterResult cluster = admin.describeCluster();
            Collection<TopicListing> listings = admin.listTopics(new ListTopicsOptions().listInternal(true)).listings()
                    .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<String> names = listings.stream().map(TopicListing::name).toList();
            Map<String, TopicDescription> topics = names.isEmpty() ? Map.of()
                    : admin.describeTopics(names).allTopicNames().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            int partitions = topics.values().stream().filter(t -> !t.isInternal()).mapToInt(t -> t.partitions().size()).sum();
            int internal = (int) listings.stream().filter(TopicListing::isInternal).count();
            List<BrokerNode> brokers = cluster.nodes().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).stream()
                    .map(ClusterSession::brokerNode)
                    .sorted(Comparator.comparingInt(BrokerNode::id))
                    .toList();
            Node controller = cluster.controller().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new ClusterOverview(cluster.clusterId().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS),
                    controller == null || controller.isEmpty() ? null : brokerNode(controller),
                    brokers, listings.size() - internal, partitions, internal);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectionProblem.explain(profile.bootstrapServers(), e);
        } catch (Exception e) {
            log.info("Describing cluster {} failed", profile.bootstrapServers(), e);
            throw ConnectionProblem.explain(profile.bootstrapServers(),
                    e instanceof java.util.concurrent.TimeoutException
                            ? new org.apache.kafka.common.errors.TimeoutException(e.getMessage()) : e);
        }
    }

    private static BrokerNode brokerNode(Node node) {
        return new BrokerNode(node.id(), node.host(), node.port(), node.rack());
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
