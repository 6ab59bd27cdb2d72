package io.feedlens.app.topics;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/** Bytes on disk per topic, over all replicas on all brokers, from one describeLogDirs call. */
final class TopicSizes {

    private final KafkaFuture<Map<Integer, Map<String, LogDirDescription>>> logDirs;

    private TopicSizes(KafkaFuture<Map<Integer, Map<String, LogDirDescription>>> logDirs) {
        this.logDirs = logDirs;
    }

    /** Sends the request for every broker the cluster names; {@link #bytesPerTopic} waits for the answer. */
    static TopicSizes ask(Admin admin, ClusterCalls calls) {
        Collection<Node> brokers = calls.await(admin.describeCluster().nodes());
        List<Integer> ids = brokers.stream().map(Node::id).toList();
        return new TopicSizes(admin.describeLogDirs(ids).allDescriptions());
    }

    /** Bytes per topic; empty when the cluster would not describe its log dirs (sizes then show as unknown). */
    Map<String, Long> bytesPerTopic(ClusterCalls calls) {
        Map<Integer, Map<String, LogDirDescription>> answer = calls.awaitOr(logDirs, null, "log dir sizes");
        if (answer == null) {
            return null;
        }
        Map<String, Long> bytes = new HashMap<>();
        for (Map<String, LogDirDescription> dirs : answer.values()) {
            for (LogDirDescription dir : dirs.values()) {
                for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
                    bytes.merge(replica.getKey().topic(), replica.getValue().size(), Long::sum);
                }
            }
        }
        return bytes;
    }
}
