package io.feedlens.app.topics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.cluster.ClusterSession;
import io.feedlens.app.cluster.ConnectionProblem;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for admin answers within the session's timeout and turns failures into {@link ConnectionProblem}s.
 * Per-item answers (one per topic or partition) are gathered leniently: an item the cluster refuses — a topic
 * deleted a moment ago, a partition without a leader — is left out instead of failing the whole screen.
 */
final class ClusterCalls {

    private static final Logger log = LoggerFactory.getLogger(ClusterCalls.class);
    // A little beyond the client's own api timeout, so the client's clearer TimeoutException normally wins.
    private static final long WAIT_MS = ClusterSession.CALL_TIMEOUT.toMillis() + 2_000;

    private final String bootstrap;

    ClusterCalls(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    <T> T await(KafkaFuture<T> answer) {
        try {
            return answer.get(WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectionProblem.explain(bootstrap, e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw ConnectionProblem.explain(bootstrap, new TimeoutException(e.getMessage()));
        } catch (ExecutionException e) {
            throw ConnectionProblem.explain(bootstrap, e.getCause());
        }
    }

    /** The answer, or {@code fallback} when the cluster refuses this one call (timeouts still fail). */
    <T> T awaitOr(KafkaFuture<T> answer, T fallback, String what) {
        try {
            return await(answer);
        } catch (ConnectionProblem problem) {
            if (refusedItem(problem.getCause())) {
                log.info("{} not available from {}: {}", what, bootstrap, problem.getCause().toString());
                return fallback;
            }
            throw problem;
        }
    }

    /** The answers that came, keyed as asked; refused items are left out, a cluster that does not answer fails. */
    <K, V> Map<K, V> awaitEach(Map<K, KafkaFuture<V>> answers) {
        Map<K, V> values = new LinkedHashMap<>();
        answers.forEach((key, answer) -> {
            V value = awaitOr(answer, null, String.valueOf(key));
            if (value != null) {
                values.put(key, value);
            }
        });
        return values;
    }

    static boolean refusedItem(Throwable cause) {
        return cause instanceof ApiException && !(cause instanceof TimeoutException);
    }
}
