package io.feedlens.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ConnectionSecurityTest {

    @Test
    void scramOverTlsIsWrittenInKafkasOwnNamesAndReadBackTheSame() {
        ConnectionSecurity form = new ConnectionSecurity("SASL_SSL", "SCRAM-SHA-512", "alice", "${env:KAFKA_PW}",
                "/etc/kafka/trust.p12", "${env:TRUST_PW}", "", "", "");

        Map<String, String> properties = form.applyTo(Map.of("client.id", "feedlens"));

        assertThat(properties).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"alice\" password=\"${env:KAFKA_PW}\";")
                .containsEntry("ssl.truststore.location", "/etc/kafka/trust.p12")
                .containsEntry("client.id", "feedlens")
                .doesNotContainKey("ssl.keystore.location");
        assertThat(ConnectionSecurity.from(properties)).isEqualTo(form);
    }

    @Test
    void oauthBearerKeepsItsOwnJaasLineFromTheOtherProperties() {
        String oauth = "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required clientId=\"app\";";
        ConnectionSecurity form = new ConnectionSecurity("SASL_SSL", "OAUTHBEARER", "", "", "", "", "", "", "");

        Map<String, String> properties = form.applyTo(Map.of("sasl.jaas.config", oauth));

        assertThat(properties).containsEntry("sasl.jaas.config", oauth).containsEntry("sasl.mechanism", "OAUTHBEARER");
        assertThat(ConnectionSecurity.owns("sasl.jaas.config", "OAUTHBEARER")).isFalse();
    }

    @Test
    void whatABrokerWouldRefuseLessClearlyIsRefusedInWords() {
        assertThatThrownBy(() -> new ConnectionSecurity("SASL_SSL", "", "", "", "", "", "", "", "").applyTo(Map.of()))
                .hasMessageStartingWith("SASL_SSL needs a SASL mechanism");
        assertThatThrownBy(() -> new ConnectionSecurity("SASL_PLAINTEXT", "PLAIN", "bob", "", "", "", "", "", "").applyTo(Map.of()))
                .hasMessage("PLAIN needs a user name and a password.");
        assertThatThrownBy(() -> new ConnectionSecurity("TLS", "", "", "", "", "", "", "", "").applyTo(Map.of()))
                .hasMessageContaining("is not one Kafka knows");
    }

    @Test
    void quotesInAPasswordSurviveTheJaasLine() {
        ConnectionSecurity form = new ConnectionSecurity("SASL_PLAINTEXT", "PLAIN", "bob", "a\"b\\c", "", "", "", "", "");
        assertThat(ConnectionSecurity.from(form.applyTo(Map.of())).password()).isEqualTo("a\"b\\c");
    }

    @Test
    void aProfilesTextNeverShowsItsSecrets() {
        ClusterProfile profile = new ClusterProfile("prod", "k:9093", Map.of("sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"hunter2\";",
                "ssl.truststore.password", "changeit"));
        assertThat(profile.toString()).doesNotContain("hunter2", "changeit").contains("[hidden]", "username=\"u\"");
    }
}
