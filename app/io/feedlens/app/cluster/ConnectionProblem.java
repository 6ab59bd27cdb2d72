package io.feedlens.app.cluster;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.feedlens.app.secrets.SecretReferences;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/**
 * A failed connection said in words a person can act on, instead of a client stack trace.
 * The Kafka exception stays attached as the cause for the log and a "details" view. A message never repeats the
 * value of a secret setting, even where Kafka's own message would.
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
        if (cause instanceof TopicAuthorizationException topics) {
            return notAuthorizedToRead(topics.unauthorizedTopics());
        }
        if (cause instanceof GroupAuthorizationException group) {
            return "Not authorized to use the consumer group " + group.groupId() + " at " + bootstrap + ".";
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
            return "The connection settings are not valid: " + withoutSecretValue(message);
        }
        if (cause instanceof KafkaException && cause.getCause() != null && cause.getCause() != cause) {
            return describe(bootstrap, cause.getCause());
        }
        return "Could not talk to " + bootstrap + ": " + cause.getMessage();
    }

    /** What a person sees when ACLs keep them from a topic; the same words in the browser, a fetch and a trace. */
    public static String notAuthorizedToRead(java.util.Collection<String> topics) {
        return "Not authorized to read " + String.join(", ", new java.util.TreeSet<>(topics))
                + ": the cluster's ACLs do not let this user read it. Other topics still work.";
    }

    /** Kafka says "Invalid value X for configuration NAME"; for a secret NAME the X is the secret itself. */
    private static String withoutSecretValue(String message) {
        java.util.regex.Matcher invalid = java.util.regex.Pattern.compile("Invalid value (.*) for configuration (\\S+)",
                java.util.regex.Pattern.DOTALL).matcher(message);
        if (invalid.find() && SecretReferences.isSecret(invalid.group(2).replaceAll("[:.]$", ""))) {
            return "the value of " + invalid.group(2).replaceAll("[:.]$", "") + " is not valid"
                    + message.substring(invalid.end());
        }
        return message;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
