package io.feedlens.app.groups;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.common.TopicPartition;

/**
 * How far one group is behind on one partition.
 *
 * @param committedOffset     the group's committed offset; null when it has committed nothing here
 * @param logEndOffset        the partition's log-end offset; null when the topic is gone
 * @param lag                 records not yet consumed (log end minus committed), as Kafka's own tool reports it;
 *                            null when either side is unknown
 * @param oldestUnconsumedAt  the timestamp of the record at the committed offset, the oldest one still waiting
 * @param lagTime             how old that record is: zero when caught up, null when unknown
 * @param timeToCatchUp       lag divided by the recent consume rate; null while the group does not move
 * @param consumerClientId    the client id of the member the partition is assigned to; null when nobody has it
 * @param status              Burrow's verdict over the recent samples
 * @param note                what a person should know about a missing figure ("the topic no longer exists"), or null
 */
public record PartitionLag(TopicPartition partition, Long committedOffset, Long logEndOffset, Long lag,
                           Instant oldestUnconsumedAt, Duration lagTime, Duration timeToCatchUp,
                           String consumerClientId, LagStatus status, String note) {

    public String topic() {
        return partition.topic();
    }
}
