package io.feedlens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import io.feedlens.app.DataFolder;
import io.feedlens.app.broker.EmbeddedKafka;
import io.feedlens.app.profiles.ProfileStore;
import io.feedlens.app.secrets.SecretVault;
import io.feedlens.testing.KafkaBroker;
import io.feedlens.testing.SecuredBroker;
import io.feedlens.testing.SecuredKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code feedlens acls} and {@code feedlens profiles}, against the secured broker and the shared one (no authorizer). */
@SecuredKafka
@KafkaBroker
class SecuredCommandsTest {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private String previousHome;

    @BeforeEach
    void ownDataFolder() {
        previousHome = System.getProperty(DataFolder.PROPERTY);
        System.setProperty(DataFolder.PROPERTY, home.toString());
    }

    @AfterEach
    void restore() {
        System.setProperty(DataFolder.PROPERTY, previousHome);
        SecretVault.lock();
    }

    private int run(Object command, String... args) {
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    private Path clientProperties(SecuredBroker secured, String password) throws Exception {
        return Files.writeString(home.resolve("client.properties"), String.join("\n",
                "bootstrap.servers=" + secured.saslBootstrap(),
                "security.protocol=SASL_PLAINTEXT",
                "sasl.mechanism=SCRAM-SHA-512",
                "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"alice\" password=\""
                        + password + "\";", ""));
    }

    @Test
    void aclsOfATopicSayWhoCanReadAndWhoCanWrite(SecuredBroker secured) throws Exception {
        Path config = clientProperties(secured, SecuredBroker.PASSWORD);

        int exit = run(new AclsCommand(), "--topic", "open.orders", "--bootstrap", secured.saslBootstrap(), "--command-config", config.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Read:  " + SecuredBroker.TLS_PRINCIPAL + ", User:alice")
                .contains("Write: nobody but super users");
    }

    @Test
    void allAclsAreListedWithTheirResourceAndPermission(SecuredBroker secured) throws Exception {
        int exit = run(new AclsCommand(), "--bootstrap", secured.superUserBootstrap());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("topic closed\\. \\(prefix\\)\\s+User:alice\\s+ALLOW\\s+DESCRIBE")
                .containsPattern("the cluster\\s+User:alice\\s+ALLOW\\s+DESCRIBE");
    }

    @Test
    void aClusterWithoutAnAuthorizerSaysSoInsteadOfAnError(EmbeddedKafka plain) {
        int exit = run(new AclsCommand(), "--topic", "anything", "--bootstrap", plain.bootstrapServers());

        assertThat(exit).isZero();
        assertThat(out.toString().trim()).isEqualTo("This cluster has no authorizer: every client may do everything.");
    }

    @Test
    void importingAClientPropertiesWithAPlainPasswordAndNoPassphraseIsRefused(SecuredBroker secured) throws Exception {
        int exit = run(new ProfilesCommand(), "import", clientProperties(secured, SecuredBroker.PASSWORD).toString(), "--name", "secured");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("FeedLens stores them only encrypted").doesNotContain(SecuredBroker.PASSWORD);
        assertThat(new ProfileStore(home).load()).isEmpty();
    }

    @Test
    void anImportedProfileKeepsItsPasswordEncryptedAndServesTheOtherCommands(SecuredBroker secured) throws Exception {
        SecretVault.unlock(home, "team passphrase".toCharArray());

        assertThat(run(new ProfilesCommand(), "import", clientProperties(secured, SecuredBroker.PASSWORD).toString(), "--name", "secured"))
                .as(err.toString()).isZero();
        assertThat(Files.readString(home.resolve("profiles.json"))).doesNotContain(SecuredBroker.PASSWORD).contains("${feedlens:v1.");

        assertThat(run(new ProfilesCommand(), "list")).isZero();
        assertThat(out.toString()).contains("secured  " + secured.saslBootstrap() + "  read-only").contains("password=\"${feedlens:…}\"")
                .doesNotContain(SecuredBroker.PASSWORD);

        assertThat(run(new AclsCommand(), "--topic", "open.orders", "--connection", "secured")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Read:  " + SecuredBroker.TLS_PRINCIPAL + ", User:alice");
    }
}
