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
    void selectingAProfileFillsTheFormWithItsPropertiesOneALine() {
        new ProfileStore(folder).save(null, new ClusterProfile("secured", "k:9093",
                java.util.Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512")));
        ClustersViewModel model = model(() -> null);

        model.selectedProperty().set(model.profiles().get(0));

        assertThat(model.nameProperty().get()).isEqualTo("secured");
        assertThat(model.clientPropertiesProperty().get()).isEqualTo("sasl.mechanism=SCRAM-SHA-512\nsecurity.protocol=SASL_SSL");
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
