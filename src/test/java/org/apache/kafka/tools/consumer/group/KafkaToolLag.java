package org.apache.kafka.tools.consumer.group;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.TopicPartition;

/**
 * What Kafka's own {@code kafka-consumer-groups.sh --describe} reports for a group, as data: the tool's service
 * class is package-private, so this bridge lives in its package (test class path only).
 */
public final class KafkaToolLag {

    /** Committed offset, log-end offset and lag per partition; -1 where the tool prints "-". */
    public record Row(long offset, long logEndOffset, long lag) {
    }

    private KafkaToolLag() {
    }

    public static Map<TopicPartition, Row> describe(String bootstrap, String group) throws Exception {
        ConsumerGroupCommandOptions options = ConsumerGroupCommandOptions.fromArgs(
                new String[]{"--bootstrap-server", bootstrap, "--describe", "--group", group});
        try (ConsumerGroupCommand.ConsumerGroupService service = new ConsumerGroupCommand.ConsumerGroupService(options, Map.of())) {
            Collection<PartitionAssignmentState> states = service.collectGroupOffsets(group).getValue().orElseThrow();
            Map<TopicPartition, Row> rows = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
            for (PartitionAssignmentState state : states) {
                if (state.topic().isPresent() && state.partition().isPresent()) {
                    rows.put(new TopicPartition(state.topic().get(), state.partition().get()),
                            new Row(state.offset().orElse(-1L), state.logEndOffset().orElse(-1L), state.lag().orElse(-1L)));
                }
            }
            return rows;
        }
    }
}
