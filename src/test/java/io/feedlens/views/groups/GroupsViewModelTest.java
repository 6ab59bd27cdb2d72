package io.feedlens.views.groups;

import static io.feedlens.views.groups.GroupsTestData.group;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.feedlens.app.groups.ConsumerGroupLag;
import io.feedlens.app.groups.GroupsSnapshot;
import io.feedlens.app.groups.LagStatus;
import io.feedlens.views.shell.ActiveCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Consumer groups screen's state without a window: what the list, its messages and the status cells say. */
class GroupsViewModelTest {

    @TempDir
    Path dataFolder;

    private final ActiveCluster cluster = new ActiveCluster(Runnable::run);

    private GroupsViewModel model() {
        return new GroupsViewModel(cluster, new LagSampling(cluster, dataFolder, Duration.ofSeconds(10), Runnable::run), Runnable::run);
    }

    @Test
    void statusIsAWordWithAShapeSoColourIsNeverAlone() {
        assertThat(GroupFormats.status(LagStatus.STALL)).isEqualTo("■ STALL");
        assertThat(GroupFormats.status(LagStatus.OK)).isEqualTo("● OK");
        assertThat(GroupFormats.status(LagStatus.WARN)).isEqualTo("▲ WARN");
        assertThat(GroupFormats.status(LagStatus.REWIND)).isEqualTo("↺ REWIND");
        assertThat(GroupFormats.status(null)).isEqualTo("? unknown");
        assertThat(GroupFormats.statusStyle(LagStatus.STALL)).isEqualTo("status-stall");
    }

    @Test
    void lagInTimeIsWrittenInHumanUnits() {
        assertThat(GroupFormats.lagTime(Duration.ofMillis(42_300))).isEqualTo("42 s");
        assertThat(GroupFormats.lagTime(Duration.ofSeconds(210))).isEqualTo("3.5 min");
        assertThat(GroupFormats.lagTime(Duration.ZERO)).isEqualTo("0 s");
        assertThat(GroupFormats.lagTime(null)).isEqualTo("—");
        assertThat(GroupFormats.catchUp(null)).isEqualTo("—");
    }

    @Test
    void beforeConnectingTheListSaysToConnect() {
        GroupsViewModel model = model();

        assertThat(model.groups()).isEmpty();
        assertThat(model.emptyListText().get()).isEqualTo(GroupsViewModel.NOT_CONNECTED);
        assertThat(model.detail().figures()).isEqualTo(GroupDetailViewModel.NOTHING_SELECTED);
    }

    @Test
    void aSnapshotFillsTheListAndSelectsTheFirstGroup() {
        GroupsViewModel model = model();
        model.sampling().publish(new GroupsSnapshot(Instant.now(), List.of(
                group("feature-processor", "payments", LagStatus.OK, 3, true),
                group("fraud-scorer", "features.txn_velocity", LagStatus.STALL, 1_204, true))));

        assertThat(model.groups()).extracting(ConsumerGroupLag::groupId).containsExactly("feature-processor", "fraud-scorer");
        assertThat(model.selectedProperty().get().groupId()).isEqualTo("feature-processor");
        assertThat(model.detail().partitions()).hasSize(1);
        assertThat(model.detail().members()).extracting(m -> m.clientId()).containsExactly("feature-processor-client");
        assertThat(model.countText().get()).isEqualTo("2 groups · 1 not OK");
        assertThat(model.detail().figures()).isEqualTo("Stable · classic · range · 1 member · 1 topic");
    }

    @Test
    void theSelectionStaysOnItsGroupAcrossSnapshotsAndTheFilterMatchesTopics() {
        GroupsViewModel model = model();
        model.sampling().publish(new GroupsSnapshot(Instant.now(), List.of(
                group("a-group", "payments", LagStatus.OK, 0, true), group("fraud-scorer", "features.x", LagStatus.WARN, 9, true))));
        model.select("fraud-scorer");

        model.sampling().publish(new GroupsSnapshot(Instant.now(), List.of(
                group("a-group", "payments", LagStatus.OK, 0, true), group("fraud-scorer", "features.x", LagStatus.WARN, 12, true))));
        assertThat(model.selectedProperty().get().totalLag()).isEqualTo(12);

        model.filterProperty().set("FEATURES");
        assertThat(model.groups()).extracting(ConsumerGroupLag::groupId).containsExactly("fraud-scorer");
        model.filterProperty().set("nothing-like-it");
        assertThat(model.emptyListText().get()).isEqualTo("No group or topic contains 'nothing-like-it'.");
    }

    @Test
    void anEmptySnapshotLeavesNothingSelected() {
        GroupsViewModel model = model();
        model.sampling().publish(new GroupsSnapshot(Instant.now(), List.of()));

        // Not connected wins over "no groups": the snapshot cannot be this cluster's.
        assertThat(model.emptyListText().get()).isEqualTo(GroupsViewModel.NOT_CONNECTED);
        assertThat(model.selectedProperty().get()).isNull();
    }
}
