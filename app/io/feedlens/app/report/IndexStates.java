package io.feedlens.app.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.cluster.ClusterSession;
import io.feedlens.app.report.AuditReport.IndexState;
import io.feedlens.app.report.AuditReport.PartitionState;
import io.feedlens.app.report.AuditReport.TopicState;
import io.feedlens.lineage.extract.LineageProfile;
import io.feedlens.lineage.store.LineageStore;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/** How far the lineage index has read each topic, beside what Kafka holds now: the report's "index state". */
final class IndexStates {

    private IndexStates() {
    }

    /** Every topic of the lineage profile and every topic a source record lives on, in name order. */
    static IndexState of(Admin admin, LineageStore store, LineageProfile profile, Collection<String> recordTopics,
                         java.util.function.Function<String, String> owners) {
        List<String> topics = new ArrayList<>(profile.topics());
        recordTopics.stream().filter(t -> !topics.contains(t)).forEach(topics::add);
        topics.sort(null);
        List<TopicState> states = new ArrayList<>();
        for (String topic : topics) {
            String role = profile.roleOf(topic).map(r -> r.name().toLowerCase(Locale.ROOT)).orElse(null);
            String owner = java.util.Optional.ofNullable(owners.apply(topic)).orElse(AuditReport.OWNER_NOT_RECORDED);
            states.add(topic(admin, store.positions(topic), topic, role, owner));
        }
        return new IndexState(store.counts(), states);
    }

    private static TopicState topic(Admin admin, Map<Integer, Long> indexed, String topic, String role, String owner) {
        long timeout = ClusterSession.CALL_TIMEOUT.toMillis();
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).topicNameValues().get(topic).get(timeout, TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            description.partitions().forEach(p -> {
                earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
                latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
            });
            var first = admin.listOffsets(earliest).all().get(timeout, TimeUnit.MILLISECONDS);
            var end = admin.listOffsets(latest).all().get(timeout, TimeUnit.MILLISECONDS);
            List<PartitionState> partitions = description.partitions().stream().map(p -> {
                TopicPartition tp = new TopicPartition(topic, p.partition());
                return new PartitionState(p.partition(), indexed.get(p.partition()), offset(first.get(tp)), offset(end.get(tp)));
            }).toList();
            return new TopicState(topic, role, owner, partitions, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return withoutKafka(topic, role, owner, indexed, "interrupted before Kafka answered");
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            String why = e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException
                    ? "the topic does not exist on this cluster" : "Kafka did not say: " + (e.getCause() == null ? "no answer in time" : e.getCause().getMessage());
            return withoutKafka(topic, role, owner, indexed, why);
        }
    }

    /** The index's own positions, when Kafka cannot give the topic's offsets. */
    private static TopicState withoutKafka(String topic, String role, String owner, Map<Integer, Long> indexed, String problem) {
        List<PartitionState> partitions = indexed.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new PartitionState(e.getKey(), e.getValue(), null, null)).toList();
        return new TopicState(topic, role, owner, partitions, problem);
    }

    private static Long offset(ListOffsetsResult.ListOffsetsResultInfo info) {
        return info == null ? null : info.offset();
    }
}
