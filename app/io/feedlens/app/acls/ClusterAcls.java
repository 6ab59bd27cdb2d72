package io.feedlens.app.acls;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.feedlens.app.cluster.ClusterSession;
import io.feedlens.app.cluster.ConnectionProblem;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.SecurityDisabledException;

/** Reads the cluster's ACLs (read-only: FeedLens never changes them). Slow: call off the FX thread. */
public final class ClusterAcls {

    public static final String NO_AUTHORIZER = "This cluster has no authorizer: every client may do everything.";
    public static final String NOT_ALLOWED = "This user may not see the cluster's ACLs (that takes DESCRIBE on the cluster).";

    private ClusterAcls() {
    }

    /** Every ACL, by resource then principal; or, in words, why there are none to show. */
    public static AclListing describe(Admin admin, String bootstrap) {
        try {
            List<AclEntry> entries = admin.describeAcls(AclBindingFilter.ANY).values()
                    .get(ClusterSession.CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).stream()
                    .map(AclEntry::of)
                    .sorted(Comparator.comparing(AclEntry::resourceType).thenComparing(AclEntry::resourceName)
                            .thenComparing(AclEntry::principal).thenComparing(AclEntry::operation))
                    .toList();
            return new AclListing(entries, null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SecurityDisabledException) {
                return new AclListing(List.of(), NO_AUTHORIZER);
            }
            if (e.getCause() instanceof ClusterAuthorizationException) {
                return new AclListing(List.of(), NOT_ALLOWED);
            }
            throw ConnectionProblem.explain(bootstrap, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectionProblem.explain(bootstrap, e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw ConnectionProblem.explain(bootstrap, new org.apache.kafka.common.errors.TimeoutException(e.getMessage()));
        }
    }

    /**
     * The ACLs of a cluster, or why there are none: {@code unavailable} is null when the entries are the cluster's
     * ACLs, and otherwise says why there are none to show (no authorizer, not allowed to see them).
     */
    public record AclListing(List<AclEntry> entries, String unavailable) {

        public AclListing {
            entries = List.copyOf(entries);
        }

        public TopicAccess forTopic(String topic) {
            return TopicAccess.of(topic, entries);
        }
    }
}
