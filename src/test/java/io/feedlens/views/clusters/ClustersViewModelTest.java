package io.feedlens.views.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.profiles.ProfileStore;
import io.feedlens.views.shell.ActiveCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Clusters screen's logic without a window or the JavaFX toolkit: work runs on the calling thread. */
class ClustersViewModelTest {

    @TempDir
    Path folder;

    private ClustersViewModel model(java.util.function.Supplier<io.feedlens.app.demo.DemoCluster> demo) {
        return new ClustersViewModel(new ProfileStore(folder), new ActiveCluster(Runnable::run), demo, Runnable::run);
    }

    @Test
    void connectingWithoutABootstrapAddressSaysWhatIsMissing() {
        ClustersViewModel model = model(() -> null);
        model.nameProperty().set("half-filled");

        assertThat(model.connect()).isCompletedExceptionally();
        assertThat(model.problemProperty().get()).contains("bootstrap servers");
        assertThat(new ProfileStore(folder).load()).isEmpty();
    }

    @Test
    void aDemoClusterThatCannotStartSaysWhyAndCanBeTriedAgain() {
        ClustersViewModel model = model(() -> {
            throw new IllegalStateException("The demo cluster's data folder is in use by another FeedLens.");
        });

        model.startDemo().handle((overview, failure) -> null).join();

        assertThat(model.problemProperty().get())
                .isEqualTo("The demo cluster did not start: The demo cluster's data folder is in use by another FeedLens.");
        assertThat(model.demoStartingProperty().get()).isFalse();
        assertThat(model.canStartDemo().get()).isTrue();
    }

    @Test
    void selectingAProfileFillsTheSecuritySectionAndTheOtherPropertiesOneALine() {
        new ProfileStore(folder).save(null, new ClusterProfile("secured", "k:9093", java.util.Map.of(
                "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512", "client.id", "feedlens-ops", "acks", "all",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"ops\" password=\"${env:KAFKA_PW}\";")));
        ClustersViewModel model = model(() -> null);

        model.selectedProperty().set(model.profiles().get(0));

        assertThat(model.nameProperty().get()).isEqualTo("secured");
        assertThat(model.security().protocolProperty().get()).isEqualTo("SASL_SSL");
        assertThat(model.security().mechanismProperty().get()).isEqualTo("SCRAM-SHA-512");
        assertThat(model.security().usernameProperty().get()).isEqualTo("ops");
        assertThat(model.security().passwordProperty().get()).isEqualTo("${env:KAFKA_PW}");
        assertThat(model.clientPropertiesProperty().get()).isEqualTo("acks=all\nclient.id=feedlens-ops");
    }

    @Test
    void aPlainPasswordIsNotSavedWhileTheSecretStoreIsLockedAndTheMessageSaysWhatToDo() {
        io.feedlens.app.secrets.SecretVault.lock();
        ClustersViewModel model = model(() -> null);
        model.nameProperty().set("prod");
        model.bootstrapServersProperty().set("k:9093");
        model.security().protocolProperty().set("SASL_SSL");
        model.security().mechanismProperty().set("PLAIN");
        model.security().usernameProperty().set("bob");
        model.security().passwordProperty().set("hunter2-plain");

        assertThat(model.saveProfile()).isNull();

        assertThat(model.problemProperty().get()).contains("does not save secrets in plain text", "${env:KAFKA_PASSWORD}")
                .doesNotContain("hunter2-plain");
        assertThat(new ProfileStore(folder).load()).isEmpty();
    }

    @Test
    void importingAClientPropertiesFileFillsTheFormWithoutSaving() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(folder.resolve("staging.properties"), String.join("\n",
                "bootstrap.servers=kafka-1:9093,kafka-2:9093", "security.protocol=SSL",
                "ssl.truststore.location=/etc/kafka/trust.p12", "ssl.truststore.password=${file:/etc/kafka/pw.properties:trust}",
                "ssl.endpoint.identification.algorithm=https", ""));
        ClustersViewModel model = model(() -> null);

        model.importClientProperties(file);

        assertThat(model.nameProperty().get()).isEqualTo("staging");
        assertThat(model.bootstrapServersProperty().get()).isEqualTo("kafka-1:9093,kafka-2:9093");
        assertThat(model.security().protocolProperty().get()).isEqualTo("SSL");
        assertThat(model.security().truststorePathProperty().get()).isEqualTo("/etc/kafka/trust.p12");
        assertThat(model.security().truststorePasswordProperty().get()).isEqualTo("${file:/etc/kafka/pw.properties:trust}");
        assertThat(model.clientPropertiesProperty().get()).isEqualTo("ssl.endpoint.identification.algorithm=https");
        assertThat(new ProfileStore(folder).load()).isEmpty();

        model.importClientProperties(folder.resolve("missing.properties"));
        assertThat(model.problemProperty().get()).startsWith("Cannot read client properties from");
    }

    @Test
    void aProfileIsReadOnlyUntilMarkedWritableAndKeepsThatWhenSaved() {
        ClustersViewModel model = model(() -> null);
        model.nameProperty().set("staging");
        model.bootstrapServersProperty().set("k:9092");
        assertThat(model.writableProperty().get()).isFalse();

        model.writableProperty().set(true);
        model.saveProfile();

        ClustersViewModel reopened = model(() -> null);
        assertThat(reopened.profiles()).singleElement().satisfies(profile -> assertThat(profile.writable()).isTrue());
        reopened.newProfile();
        assertThat(reopened.writableProperty().get()).isFalse();
        reopened.selectedProperty().set(reopened.profiles().get(0));
        assertThat(reopened.writableProperty().get()).isTrue();
    }
}
