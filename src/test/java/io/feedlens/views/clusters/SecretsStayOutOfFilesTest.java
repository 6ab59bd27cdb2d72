package io.feedlens.views.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import io.feedlens.app.DataFolder;
import io.feedlens.app.cluster.ClusterOverview;
import io.feedlens.app.profiles.ProfileStore;
import io.feedlens.app.secrets.SecretVault;
import io.feedlens.testing.SecuredBroker;
import io.feedlens.testing.SecuredKafka;
import io.feedlens.views.shell.ActiveCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A password typed into the profile form is used to connect, yet appears in no file under the data folder — profiles,
 * the secret store, the log — and not in any message. The log is this run's own, under the test data folder.
 */
@SecuredKafka
class SecretsStayOutOfFilesTest {

    private final Path folder = DataFolder.path().resolve("secrets-" + System.nanoTime());

    @AfterEach
    void lock() {
        SecretVault.lock();
    }

    private ClustersViewModel model(ActiveCluster cluster) {
        return new ClustersViewModel(new ProfileStore(folder), cluster, () -> null, Runnable::run);
    }

    @Test
    void aPasswordEnteredIntoAProfileConnectsButIsInNoFileUnderTheDataFolderNorTheLog(SecuredBroker secured) throws Exception {
        SecretVault.lock();
        ActiveCluster cluster = new ActiveCluster(Runnable::run);
        ClustersViewModel model = model(cluster);
        model.nameProperty().set("secured");
        model.bootstrapServersProperty().set(secured.saslBootstrap());
        model.security().protocolProperty().set("SASL_PLAINTEXT");
        model.security().mechanismProperty().set("SCRAM-SHA-512");
        model.security().usernameProperty().set(SecuredBroker.USER);
        model.security().passwordProperty().set(SecuredBroker.PASSWORD);
        assertThat(model.connect()).isCompletedExceptionally();
        assertThat(model.problemProperty().get()).contains("plain text").doesNotContain(SecuredBroker.PASSWORD);

        model.passphraseProperty().set("a passphrase only this person knows");
        model.unlockSecrets().join();
        assertThat(model.secretStoreProperty().get()).startsWith("Unlocked");
        assertThat(model.passphraseProperty().get()).isEmpty();
        ClusterOverview overview = model.connect().join();
        assertThat(overview.brokers()).hasSize(1);

        model.security().passwordProperty().set("a-wrong-password-8812");
        model.connect().handle((ok, failure) -> null).join();
        assertThat(cluster.messageProperty().get()).contains("Authentication failed").doesNotContain("a-wrong-password-8812");
        cluster.close();

        List<Path> files = filesUnder(DataFolder.path());
        assertThat(files).contains(folder.resolve("profiles.json"), DataFolder.path().resolve("logs").resolve("feedlens.log"));
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(text).as(file.toString()).doesNotContain(SecuredBroker.PASSWORD, "a-wrong-password-8812");
        }
        assertThat(Files.readString(DataFolder.path().resolve("logs").resolve("feedlens.log")))
                .as("the log names the connection, with its secret hidden").contains("Connecting to ClusterProfile[name=secured");
        assertThat(permissions(folder.resolve("profiles.json"))).isEqualTo("rw-------");
        assertThat(permissions(folder.resolve("secret-key.properties"))).isEqualTo("rw-------");
        assertThat(permissions(folder)).isEqualTo("rwx------");
    }

    @Test
    void aSavedEncryptedPasswordIsUsableAfterUnlockingInANewSession(SecuredBroker secured) {
        SecretVault.unlock(folder, "pass phrase".toCharArray());
        ClustersViewModel first = model(new ActiveCluster(Runnable::run));
        first.nameProperty().set("kept");
        first.bootstrapServersProperty().set(secured.saslBootstrap());
        first.security().protocolProperty().set("SASL_PLAINTEXT");
        first.security().mechanismProperty().set("SCRAM-SHA-256");
        first.security().usernameProperty().set(SecuredBroker.USER);
        first.security().passwordProperty().set(SecuredBroker.PASSWORD);
        assertThat(first.saveProfile()).isNotNull();
        SecretVault.lock();

        ActiveCluster cluster = new ActiveCluster(Runnable::run);
        ClustersViewModel reopened = model(cluster);
        reopened.selectedProperty().set(reopened.profiles().get(0));
        assertThat(reopened.security().passwordProperty().get()).startsWith("${feedlens:v1.");
        assertThat(reopened.secretStoreProperty().get()).startsWith("Locked");
        reopened.connect().handle((ok, failure) -> null).join();
        assertThat(reopened.problemProperty().get()).contains("\"kept\" keeps its password encrypted", "locked", "Unlock");

        reopened.passphraseProperty().set("pass phrase");
        reopened.unlockSecrets().join();
        assertThat(reopened.connect().join().brokers()).hasSize(1);
        cluster.close();
    }

    private static List<Path> filesUnder(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
