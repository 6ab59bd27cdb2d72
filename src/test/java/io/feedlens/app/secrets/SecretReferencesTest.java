package io.feedlens.app.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretReferencesTest {

    private static final String SCRAM = "org.apache.kafka.common.security.scram.ScramLoginModule required ";

    @TempDir
    Path folder;

    @AfterEach
    void lock() {
        SecretVault.lock();
    }

    @Test
    void aPasswordInAJaasLineIsPlainUnlessItIsAReference() {
        assertThat(SecretReferences.plainSecrets(Map.of("sasl.jaas.config", SCRAM + "username=\"a\" password=\"hunter2\";",
                "ssl.truststore.password", "${env:TRUST}", "ssl.keystore.password", "changeit", "client.id", "x")))
                .containsExactlyInAnyOrder("sasl.jaas.config", "ssl.keystore.password");
        assertThat(SecretReferences.plainSecrets(Map.of("sasl.jaas.config",
                SCRAM + "username=\"a\" password=\"${file:/etc/kafka/creds:pw}\";"))).isEmpty();
    }

    @Test
    void encryptingPlainSecretsKeepsTheUserAndTheReferencesReadable() {
        SecretVault vault = SecretVault.unlock(folder, "pass".toCharArray());

        Map<String, String> kept = SecretReferences.encryptPlain(Map.of(
                "sasl.jaas.config", SCRAM + "username=\"alice\" password=\"hunter2\";",
                "ssl.truststore.password", "${env:TRUST}"), vault);

        assertThat(kept.get("sasl.jaas.config")).startsWith(SCRAM + "username=\"alice\" password=\"${feedlens:v1.")
                .doesNotContain("hunter2");
        assertThat(kept).containsEntry("ssl.truststore.password", "${env:TRUST}");
        assertThat(SecretReferences.plainSecrets(kept)).isEmpty();
    }

    @Test
    void aRedactedCopyHidesPlainAndEncryptedSecretsButNamesReferences() {
        Map<String, String> shown = SecretReferences.redacted(Map.of(
                "sasl.jaas.config", SCRAM + "username=\"alice\" password=\"hunter2\";",
                "ssl.keystore.password", "changeit",
                "ssl.truststore.password", "${env:TRUST}",
                "ssl.key.password", "${feedlens:v1.abc.def}",
                "security.protocol", "SASL_SSL"));

        assertThat(shown).containsEntry("sasl.jaas.config", SCRAM + "username=\"alice\" password=\"[hidden]\";")
                .containsEntry("ssl.keystore.password", "[hidden]")
                .containsEntry("ssl.truststore.password", "${env:TRUST}")
                .containsEntry("ssl.key.password", "${feedlens:…}")
                .containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void providersAreAddedOnlyWhereAReferenceNeedsThemAndKeepThoseAPersonConfigured() {
        Map<String, Object> plain = new java.util.HashMap<>(Map.of("security.protocol", "SSL"));
        SecretReferences.addProviders(plain);
        assertThat(plain).doesNotContainKey("config.providers");

        Map<String, Object> referenced = new java.util.HashMap<>(Map.of("ssl.truststore.password", "${vault:kafka:trust}",
                "config.providers", "vault", "config.providers.vault.class", "com.example.VaultProvider"));
        SecretReferences.addProviders(referenced);
        assertThat(referenced).containsEntry("config.providers", "vault,env,file,feedlens")
                .containsEntry("config.providers.vault.class", "com.example.VaultProvider")
                .containsEntry("config.providers.env.class", "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
    }
}
