package io.feedlens.app.browse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.feedlens.app.cluster.ConnectionProblem;
import io.feedlens.lineage.RecordCoordinates;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/**
 * Reads one record's raw bytes again by its coordinates, for the record detail: a scan keeps decoded records, not
 * payloads, so a table of 10,000 rows does not hold 10,000 raw values. One record is a batch of one for
 * {@link RecordBatchFetch}, so both ways of re-reading a record share its offset checks and short fetch wait.
 * Slow (a network round trip): call off the FX thread.
 */
public final class RecordFetch {

    private RecordFetch() {
    }

    /**
     * The record at exactly these coordinates, or empty when it is gone (retention, compaction) or did not arrive in
     * time. A topic this user may not read fails with a {@link ConnectionProblem} that says so.
     */
    public static Optional<ConsumerRecord<byte[], byte[]>> at(Map<String, Object> clientConfig, RecordCoordinates at) {
        FetchedRecord fetched = RecordBatchFetch.fetch(clientConfig, List.of(at)).get(at);
        if (fetched.unavailable() == FetchedRecord.Unavailable.NOT_AUTHORIZED) {
            throw ConnectionProblem.explain(String.valueOf(clientConfig.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)),
                    new TopicAuthorizationException(Set.of(at.topic())));
        }
        return fetched.found();
    }
}
