package io.feedlens.testing;

import java.util.Map;

import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.cluster.ClusterProfile;

/**
 * The run's secured broker (see {@link SecuredKafka}): a SASL_PLAINTEXT listener with SCRAM and PLAIN users, a TLS
 * listener that asks for a client certificate, and the StandardAuthorizer. Its PLAINTEXT listener is the super user's,
 * for setting topics and ACLs up.
 */
public record SecuredBroker(EmbeddedKafka broker, String saslBootstrap, String sslBootstrap, TestCertificate certificate) {

    /** The user SCRAM-SHA-256, SCRAM-SHA-512 and PLAIN know, and its password. */
    public static final String USER = "alice";
    public static final String PASSWORD = "alice-Pa55-secret-4f1c";
    /** The principal of a TLS client presenting {@link #certificate()}. */
    public static final String TLS_PRINCIPAL = "User:CN=feedlens-test";
    /** Topics starting with this are readable by {@link #USER} and the TLS client. */
    public static final String READABLE_PREFIX = "open.";
    /** Topics starting with this may be described but not read by them. */
    public static final String CLOSED_PREFIX = "closed.";

    /** The super user's address: no authentication, every permission. */
    public String superUserBootstrap() {
        return broker.bootstrapServers();
    }

    /** A read-only profile that signs in over SASL_PLAINTEXT with this mechanism and password. */
    public ClusterProfile sasl(String mechanism, String password) {
        String module = mechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return new ClusterProfile("secured " + mechanism, saslBootstrap, Map.of(
                "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", mechanism,
                "sasl.jaas.config", module + " required username=\"" + USER + "\" password=\"" + password + "\";"));
    }

    /** A read-only profile over TLS with a client certificate (mutual TLS). */
    public ClusterProfile mutualTls() {
        return new ClusterProfile("secured TLS", sslBootstrap, Map.of(
                "security.protocol", "SSL",
                "ssl.truststore.location", certificate.truststore().toString(),
                "ssl.truststore.password", certificate.password(),
                "ssl.keystore.location", certificate.keystore().toString(),
                "ssl.keystore.password", certificate.password(),
                "ssl.key.password", certificate.password()));
    }
}
