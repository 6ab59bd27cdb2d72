package io.feedlens.views.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.profiles.ProfileStore;
import io.feedlens.app.secrets.SecretVault;
import io.feedlens.testing.WorkbenchWindow;
import io.feedlens.views.Workbench;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The profile form's Security section and the passphrase asked at start, in a real (headless) window: what a person
 * types and sees, and that the saved profile file never holds a password in plain text. No broker: connecting is
 * covered by {@link SecretsStayOutOfFilesTest}; here it is the form, the prompt and the file.
 */
@ExtendWith(ApplicationExtension.class)
class SecuritySectionScreenTest {

    private static final String PASSPHRASE = "correct horse battery staple";
    private static final String TYPED_PASSWORD = "typed-s3cret-4477";
    private static final String IMPORTED_PASSWORD = "imported-pass-9911";

    @TempDir
    static Path folder;

    private Workbench workbench;
    private Stage stage;
    private Path home;

    @Start
    void start(Stage stage) throws Exception {
        SecretVault.lock();
        this.stage = stage;
        home = folder.resolve("home-" + System.nanoTime());
        Files.createDirectories(home);
        workbench = WorkbenchWindow.openIn(stage, home);
    }

    @AfterEach
    void closeAndLock() {
        workbench.close();
        SecretVault.lock();
    }

    /** Fills the form as a person would for a SASL_SSL + SCRAM-SHA-512 connection, and presses Save. */
    private void saveScramProfile(FxRobot robot, String name, String user, String password) {
        robot.clickOn("#profile-name").write(name);
        robot.clickOn("#bootstrap-servers").write("kafka-1.example:9094");
        openSecurity(robot);
        choose(robot, "#security-protocol", "SASL_SSL");
        choose(robot, "#sasl-mechanism", "SCRAM-SHA-512");
        robot.clickOn("#sasl-username").write(user);
        robot.clickOn("#sasl-password").write(password);
        robot.clickOn("#save-profile");
    }

    @Test
    void saslSslWithScramAndAnEnvReferenceIsSavedAsTheReference(FxRobot robot) throws Exception {
        saveScramProfile(robot, "Prod SCRAM", "svc-feedlens", "${env:KAFKA_PASSWORD}");

        waitUntil(() -> listed(robot).contains("Prod SCRAM"));
        assertThat(text(robot, "#clusters-problem")).isEmpty();
        String saved = Files.readString(home.resolve("profiles.json"));
        assertThat(saved).contains("SASL_SSL", "SCRAM-SHA-512", "${env:KAFKA_PASSWORD}", "svc-feedlens");

        // Shown again after a restart as saved: the reference, which says where the password is, not what it is.
        robot.interact(() -> {
            workbench.close();
            workbench = WorkbenchWindow.openIn(stage, home);
        });
        robot.clickOn(robot.lookup("#profiles .list-cell").nth(0).queryLabeled());
        openSecurity(robot);
        waitUntil(() -> field(robot, "#sasl-password").equals("${env:KAFKA_PASSWORD}"));
        assertThat(combo(robot, "#security-protocol")).isEqualTo("SASL_SSL");
        assertThat(combo(robot, "#sasl-mechanism")).isEqualTo("SCRAM-SHA-512");
        assertThat(field(robot, "#sasl-username")).isEqualTo("svc-feedlens");
    }

    @Test
    void aTypedPasswordIsRefusedWhileLockedAndStoredEncryptedAfterUnlocking(FxRobot robot) throws Exception {
        saveScramProfile(robot, "Typed", "alice", TYPED_PASSWORD);

        waitUntil(() -> text(robot, "#clusters-problem").contains("plain text"));
        assertThat(text(robot, "#clusters-problem")).doesNotContain(TYPED_PASSWORD);
        assertThat(listed(robot)).doesNotContain("Typed");

        robot.clickOn("#passphrase").write(PASSPHRASE);
        robot.clickOn("#unlock-secrets");
        waitUntil(() -> text(robot, "#secret-store-state").startsWith("Unlocked"));
        assertThat(field(robot, "#passphrase")).isEmpty();
        robot.clickOn("#save-profile");

        waitUntil(() -> listed(robot).contains("Typed"));
        assertThat(field(robot, "#sasl-password")).startsWith("${feedlens:v1.");
        assertThat(Files.readString(home.resolve("profiles.json"))).contains("${feedlens:v1.").doesNotContain(TYPED_PASSWORD);
        assertNotInAnyFile(TYPED_PASSWORD, PASSPHRASE);
    }

    @Test
    void importClientPropertiesFillsTheSecuritySectionAndSavesNoPlainPassword(FxRobot robot) throws Exception {
        Path file = folder.resolve("client-" + System.nanoTime() + ".properties");
        Files.writeString(file, String.join("\n", "bootstrap.servers=broker-7.example:9093", "security.protocol=SASL_SSL",
                "sasl.mechanism=SCRAM-SHA-512",
                "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"bob\" password=\""
                        + IMPORTED_PASSWORD + "\";",
                "ssl.truststore.location=/etc/kafka/truststore.p12",
                "ssl.truststore.password=${file:/etc/kafka/secrets.properties:truststore}", "client.id=feedlens-audit"));
        robot.lookup(".clusters-view").queryAs(ClustersView.class).chooseClientPropertiesWith(owner -> file);
        robot.clickOn("#import-client-properties");

        waitUntil(() -> field(robot, "#bootstrap-servers").equals("broker-7.example:9093"));
        openSecurity(robot);
        assertThat(field(robot, "#profile-name")).isEqualTo(file.getFileName().toString().replace(".properties", ""));
        assertThat(combo(robot, "#security-protocol")).isEqualTo("SASL_SSL");
        assertThat(combo(robot, "#sasl-mechanism")).isEqualTo("SCRAM-SHA-512");
        assertThat(field(robot, "#sasl-username")).isEqualTo("bob");
        assertThat(field(robot, "#truststore-path")).isEqualTo("/etc/kafka/truststore.p12");
        assertThat(field(robot, "#truststore-password")).isEqualTo("${file:/etc/kafka/secrets.properties:truststore}");

        robot.clickOn("#save-profile");
        waitUntil(() -> text(robot, "#clusters-problem").contains("plain text"));
        assertThat(text(robot, "#clusters-problem")).doesNotContain(IMPORTED_PASSWORD);
        robot.clickOn("#passphrase").write(PASSPHRASE);
        robot.clickOn("#unlock-secrets");
        waitUntil(() -> text(robot, "#secret-store-state").startsWith("Unlocked"));
        robot.clickOn("#save-profile");

        waitUntil(() -> !listed(robot).isEmpty());
        String saved = Files.readString(home.resolve("profiles.json"));
        assertThat(saved).contains("${feedlens:v1.", "username=\\\"bob\\\"", "${file:/etc/kafka/secrets.properties:truststore}",
                "feedlens-audit").doesNotContain(IMPORTED_PASSWORD);
        assertNotInAnyFile(IMPORTED_PASSWORD, PASSPHRASE);
    }

    @Test
    void atStartAWrongPassphraseIsSaidInWordsAndTheRightOneUnlocks(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answered = askAtStartWithAnEncryptedProfile(robot);
        assertThat(robot.lookup("#start-passphrase").tryQuery()).isPresent();

        robot.clickOn("#start-passphrase").write("not the passphrase");
        robot.clickOn("#start-unlock");
        waitUntil(() -> text(robot, "#start-passphrase-message").startsWith("Wrong passphrase"));
        assertThat(answered).isNotDone();
        assertThat(field(robot, "#start-passphrase")).isEmpty();

        robot.clickOn("#start-passphrase").write(PASSPHRASE);
        robot.clickOn("#start-unlock");
        assertThat(answered.get(30, TimeUnit.SECONDS)).isTrue();
        waitUntil(() -> !promptShowing());
        assertThat(text(robot, "#secret-store-state")).startsWith("Unlocked");
        assertNotInAnyFile(PASSPHRASE);
    }

    @Test
    void atStartSkipLeavesEncryptedConnectionsLockedAndConnectingSaysSo(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answered = askAtStartWithAnEncryptedProfile(robot);

        robot.clickOn("#start-skip");
        assertThat(answered.get(10, TimeUnit.SECONDS)).isFalse();
        waitUntil(() -> !promptShowing());
        openSecurity(robot);
        assertThat(text(robot, "#secret-store-state")).startsWith("Locked (skipped at start)");

        robot.clickOn(robot.lookup("#profiles .list-cell").nth(0).queryLabeled());
        robot.clickOn("#connect");
        waitUntil(() -> text(robot, "#clusters-problem").contains("keeps its password encrypted"));
        assertThat(text(robot, "#clusters-problem")).contains("\"Encrypted\"", "skipped at start", "Unlock");
        assertThat(text(robot, "#status-state")).isEqualTo("● Not connected");
    }

    @Test
    void nothingIsAskedAtStartWhenNoSavedConnectionKeepsAnEncryptedPassword(FxRobot robot) throws Exception {
        var answered = new java.util.concurrent.atomic.AtomicReference<CompletableFuture<Boolean>>();
        robot.interact(() -> answered.set(workbench.askPassphraseAtStart(stage)));
        assertThat(answered.get()).isCompletedWithValue(false);
        assertThat(robot.lookup("#start-passphrase").tryQuery()).isEmpty();
    }

    /** A saved connection whose password was stored encrypted in an earlier run, then the prompt FeedLensApp shows. */
    private CompletableFuture<Boolean> askAtStartWithAnEncryptedProfile(FxRobot robot) {
        String sealed = SecretVault.unlock(home, PASSPHRASE.toCharArray()).encrypt("earlier-run-secret");
        SecretVault.lock();
        ClusterProfile profile = new ClusterProfile("Encrypted", "localhost:1", Map.of("security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"carol\" password=\"" + sealed + "\";"),
                false, null);
        new ProfileStore(home).save(null, profile);
        robot.interact(() -> {
            workbench.close();
            workbench = WorkbenchWindow.openIn(stage, home);
        });
        var answered = new java.util.concurrent.atomic.AtomicReference<CompletableFuture<Boolean>>();
        robot.interact(() -> answered.set(workbench.askPassphraseAtStart(stage)));
        waitUntil(SecuritySectionScreenTest::promptShowing);
        return answered.get();
    }

    private void assertNotInAnyFile(String... secrets) throws Exception {
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertThat(text).as(file.toString()).doesNotContain(secret);
                }
            }
        }
    }

    private static void openSecurity(FxRobot robot) {
        TitledPane security = robot.lookup("#security-section").queryAs(TitledPane.class);
        if (!security.isExpanded()) {
            robot.clickOn(security.lookup(".title"));
            waitUntil(security::isExpanded);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Picks a value from a combo box's list as a person does: open it, click the entry. */
    private static void choose(FxRobot robot, String query, String value) {
        robot.clickOn(robot.lookup(query + " .arrow-button").queryAs(javafx.scene.Node.class));
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match((javafx.scene.control.ListCell<?> cell) -> value.equals(cell.getText()))
                .queryAs(javafx.scene.Node.class));
        waitUntil(() -> value.equals(combo(robot, query)));
    }

    private static List<String> listed(FxRobot robot) {
        return robot.lookup("#profiles").queryAs(ListView.class).getItems().stream().map(p -> ((ClusterProfile) p).name()).toList();
    }

    private static String combo(FxRobot robot, String query) {
        return String.valueOf(robot.lookup(query).queryAs(ComboBox.class).getValue());
    }

    private static String field(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextField.class).getText();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /**
     * Whether the start prompt's window shows, asked on the FX thread. A node lookup from the test thread twice found
     * the prompt's field 30 s after Unlock had answered (on a loaded machine and in one CI run); the window list read
     * on the FX thread is what a person sees.
     */
    private static boolean promptShowing() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> javafx.stage.Window.getWindows().stream()
                .anyMatch(window -> window instanceof javafx.stage.Stage stage && "Unlock stored secrets".equals(stage.getTitle())
                        && stage.isShowing())).get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Not seen within 30 s", e);
        }
    }
}
