package io.feedlens.app.cluster;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * A failed connection said in words a person can act on, instead of a client stack trace.
 * The Kafka exception stays attached as the cause for the log and a "details" view.
 */
public final class ConnectionProblem extends RuntimeException {

    private ConnectionProblem(String message, Throwable cause) {
        super(message, cause);
    }

    /** Explains why talking to the cluster at {@code bootstrap} failed. */
    public static ConnectionProblem explain(String bootstrap, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ConnectionProblem problem) {
            return problem;
        }
        return new ConnectionProblem(describe(bootstrap, cause), cause);
    }

    private static String describe(String bootstrap, Throwable cause) {
        if (cause instanceof SslAuthenticationException) {
            return "The TLS handshake with " + bootstrap + " failed: " + cause.getMessage()
                    + ". Check the truststore and that this listener speaks TLS.";
        }
        if (cause instanceof AuthenticationException) {
            return "Authentication failed at " + bootstrap + ": check the user name, password and SASL mechanism.";
        }
        if (cause instanceof AuthorizationException) {
            return "Connected to " + bootstrap + ", but this user is not authorized to describe the cluster.";
        }
        if (cause instanceof TimeoutException) {
            return "No broker answered at " + bootstrap + " in time. Check the address, the port and that the cluster is running.";
        }
        if (cause instanceof ConfigException) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("resolvable bootstrap")) {
                return "None of the bootstrap servers '" + bootstrap + "' could be resolved. Check the host names.";
            }
            return "The connection settings are not valid: " + message;
        }
        if (cause instanceof KafkaException && cause.getCause() != null && cause.getCause() != cause) {
            return describe(bootstrap, cause.getCause());
        }
        return "Could not talk to " + bootstrap + ": " + cause.getMessage();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
