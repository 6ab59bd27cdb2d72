package io.feedlens.app.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretVaultTest {

    @TempDir
    Path folder;

    @AfterEach
    void lock() {
        SecretVault.lock();
    }

    @Test
    void aSecretEncryptedWithAPassphraseIsReadBackAfterUnlockingAgainAndTheKeyFileHoldsNoSecret() throws Exception {
        String reference = SecretVault.unlock(folder, "correct horse".toCharArray()).encrypt("s3cr3t-value");
        SecretVault.lock();

        SecretVault again = SecretVault.unlock(folder, "correct horse".toCharArray());

        assertThat(reference).startsWith("${feedlens:v1.").doesNotContain("s3cr3t-value");
        assertThat(again.decrypt(reference.substring("${feedlens:".length(), reference.length() - 1))).isEqualTo("s3cr3t-value");
        Path keyFile = folder.resolve(SecretVault.FILE);
        assertThat(Files.readString(keyFile)).doesNotContain("correct horse").contains("iterations=600000");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    }

    @Test
    void theSameSecretEncryptsDifferentlyEachTime() {
        SecretVault vault = SecretVault.unlock(folder, "pass".toCharArray());
        assertThat(vault.encrypt("same")).isNotEqualTo(vault.encrypt("same"));
    }

    @Test
    void aWrongPassphraseIsRefusedInWordsAndLeavesTheVaultLocked() {
        SecretVault.unlock(folder, "right".toCharArray());
        SecretVault.lock();

        assertThatThrownBy(() -> SecretVault.unlock(folder, "wrong".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("That passphrase does not unlock the stored secrets.");
        assertThat(SecretVault.current()).isNull();
    }

    @Test
    void kafkasConfigTransformerResolvesEncryptedEnvironmentAndFileReferences() throws Exception {
        String sealed = SecretVault.unlock(folder, "pass".toCharArray()).encrypt("from-vault");
        Path file = Files.writeString(folder.resolve("creds.properties"), "token=from-file\n");

        Map<String, String> resolved = SecretReferences.resolve(Map.of(
                "basic.auth.user.info", "registry:" + sealed,
                "schema.registry.ssl.truststore.password", "${file:" + file + ":token}",
                "schema.registry.url", "http://registry:8081"));

        assertThat(resolved).containsEntry("basic.auth.user.info", "registry:from-vault")
                .containsEntry("schema.registry.ssl.truststore.password", "from-file")
                .containsEntry("schema.registry.url", "http://registry:8081");
    }

    @Test
    void anEncryptedSecretWhileLockedSaysToUnlockFirst() {
        String sealed = SecretVault.unlock(folder, "pass".toCharArray()).encrypt("x");
        SecretVault.lock();

        assertThatThrownBy(() -> SecretReferences.resolve(Map.of("basic.auth.user.info", sealed)))
                .hasMessageContaining("unlock them with your passphrase first");
    }
}
