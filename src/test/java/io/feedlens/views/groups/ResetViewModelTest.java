package io.feedlens.views.groups;

import static io.feedlens.views.groups.GroupsTestData.group;
import static io.feedlens.views.groups.GroupsTestData.plan;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.groups.GroupProblem;
import io.feedlens.app.groups.LagStatus;
import io.feedlens.app.groups.ResetPlan;
import io.feedlens.app.groups.ResetTarget;
import io.feedlens.views.groups.ResetViewModel.TargetKind;
import org.junit.jupiter.api.Test;

/** The reset dialog's two steps without a window: dry run first, Apply only then, refusals said before Apply. */
class ResetViewModelTest {

    private static final ClusterProfile WRITABLE = ClusterProfile.of("Staging", "localhost:9092").withWritable(true);
    private static final ClusterProfile READ_ONLY = ClusterProfile.of("Staging", "localhost:9092");

    /** Answers dry runs with a fixed plan and remembers what it was asked. */
    private static final class StandIn implements ResetViewModel.Commands {
        final List<ResetTarget> targets = new ArrayList<>();
        final List<Collection<Integer>> partitions = new ArrayList<>();
        final List<ResetPlan> executed = new ArrayList<>();
        RuntimeException executeFailure;

        public CompletableFuture<ResetPlan> dryRun(String groupId, String topic, ResetTarget target, Collection<Integer> chosen) {
            targets.add(target);
            partitions.add(chosen);
            return CompletableFuture.completedFuture(plan(groupId, topic, 1_000, 200, 4));
        }

        public CompletableFuture<ResetPlan> execute(ResetPlan plan) {
            if (executeFailure != null) {
                return CompletableFuture.failedFuture(executeFailure);
            }
            executed.add(plan);
            return CompletableFuture.completedFuture(plan);
        }
    }

    private final StandIn commands = new StandIn();

    private ResetViewModel reset(ClusterProfile profile, boolean activeMember) {
        return new ResetViewModel(group("fraud-scorer", "decisions.fraud", LagStatus.OK, 5, activeMember), profile, commands,
                Runnable::run);
    }

    @Test
    void applyIsDisabledUntilADryRunAndAgainWhenTheInputsChange() {
        ResetViewModel model = reset(WRITABLE, false);
        assertThat(model.canApply().get()).isFalse();

        model.dryRun();
        assertThat(model.moves()).hasSize(3);
        assertThat(model.canApply().get()).isTrue();

        model.targetKindProperty().set(TargetKind.LATEST);
        assertThat(model.canApply().get()).isFalse();
        assertThat(model.moves()).isEmpty();
    }

    @Test
    void theConfirmationSaysHowManyRecordsAreReadAgain() {
        ResetViewModel model = reset(WRITABLE, false);
        model.dryRun();

        assertThat(model.confirmation())
                .isEqualTo("Reset 3 partitions of fraud-scorer on decisions.fraud: 1,204 records will be read again?");
        model.apply();
        assertThat(commands.executed).hasSize(1);
        assertThat(model.outcomeProperty().get()).startsWith("Done: the offsets of fraud-scorer on decisions.fraud were reset");
        assertThat(model.canApply().get()).isFalse();
    }

    @Test
    void aReadOnlyConnectionIsRefusedWithTheReasonBeforeApply() {
        ResetViewModel model = reset(READ_ONLY, false);
        model.dryRun();

        assertThat(model.moves()).hasSize(3); // the dry run itself changes nothing, so it is allowed
        assertThat(model.refusalProperty().get()).contains("'Staging' is not writable", "Writable connection (allows offset resets)");
        assertThat(model.canApply().get()).isFalse();
    }

    @Test
    void activeMembersAreRefusedWithTheirNames() {
        ResetViewModel model = reset(WRITABLE, true);
        model.dryRun();

        assertThat(model.refusalProperty().get())
                .isEqualTo("The group 'fraud-scorer' has 1 active member(s) (fraud-scorer-client@/10.0.0.7). "
                        + "Stop its consumers first: offsets are only reset while nobody consumes.");
        assertThat(model.canApply().get()).isFalse();
    }

    @Test
    void aRefusalFromTheClusterIsShownAsItsReason() {
        commands.executeFailure = new GroupProblem("The offsets of 'fraud-scorer' moved since the dry run.");
        ResetViewModel model = reset(WRITABLE, false);
        model.dryRun();
        model.apply();

        assertThat(model.problemProperty().get()).isEqualTo("The reset was not applied: The offsets of 'fraud-scorer' moved since the dry run.");
        assertThat(model.outcomeProperty().get()).isEmpty();
    }

    @Test
    void targetsAndPartitionsAreReadFromWhatWasTyped() {
        ResetViewModel model = reset(WRITABLE, false);
        model.targetKindProperty().set(TargetKind.SHIFT);
        model.targetValueProperty().set("-500");
        model.allPartitionsProperty().set(false);
        model.chosenPartitionsProperty().set("0, 2");
        model.dryRun();

        assertThat(commands.targets).containsExactly(new ResetTarget.ShiftBy(-500));
        assertThat(commands.partitions).containsExactly(List.of(0, 2));
    }

    @Test
    void inputThatIsNoNumberIsSaidAndNothingRuns() {
        ResetViewModel model = reset(WRITABLE, false);
        model.targetKindProperty().set(TargetKind.OFFSET);
        model.targetValueProperty().set("twelve");
        model.dryRun();

        assertThat(model.problemProperty().get()).isEqualTo("'twelve' is not an offset, e.g. 1200.");
        assertThat(commands.targets).isEmpty();
        assertThat(model.canApply().get()).isFalse();
    }
}
