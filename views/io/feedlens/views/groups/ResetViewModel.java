package io.feedlens.views.groups;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.feedlens.app.cluster.ClusterProfile;
import io.feedlens.app.groups.ConsumerGroupLag;
import io.feedlens.app.groups.OffsetResets;
import io.feedlens.app.groups.PartitionLag;
import io.feedlens.app.groups.PartitionMove;
import io.feedlens.app.groups.ResetPlan;
import io.feedlens.app.groups.ResetTarget;
import io.feedlens.views.topics.TopicFormats;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The offset reset dialog's state, always in two steps: a dry run that shows what would move, then — only for that
 * plan, and only after a person confirms — the reset. Any change to the inputs drops the plan, so what is applied is
 * always what was shown. Refusals (a read-only connection, active members) are said before anyone clicks Apply.
 */
public final class ResetViewModel {

    /** Where the reset moves the group, as the dialog offers it. */
    public enum TargetKind {
        EARLIEST("Earliest"), LATEST("Latest"), DATETIME("Date and time"), OFFSET("Offset"), SHIFT("Shift by ±N");

        private final String label;

        TargetKind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The two slow calls the dialog makes; {@link OffsetResets} in the app, stand-ins in tests. */
    public interface Commands {
        CompletableFuture<ResetPlan> dryRun(String groupId, String topic, ResetTarget target, Collection<Integer> partitions);

        CompletableFuture<ResetPlan> execute(ResetPlan plan);

        static Commands of(OffsetResets resets) {
            return new Commands() {
                public CompletableFuture<ResetPlan> dryRun(String groupId, String topic, ResetTarget target,
                                                           Collection<Integer> partitions) {
                    return resets.dryRun(groupId, topic, target, partitions);
                }

                public CompletableFuture<ResetPlan> execute(ResetPlan plan) {
                    return resets.execute(plan);
                }
            };
        }
    }

    private final ConsumerGroupLag group;
    private final ClusterProfile profile;
    private final Commands commands;
    private final Executor ui;
    private final ObjectProperty<String> topic = new SimpleObjectProperty<>();
    private final BooleanProperty allPartitions = new SimpleBooleanProperty(true);
    private final StringProperty chosenPartitions = new SimpleStringProperty("");
    private final ObjectProperty<TargetKind> targetKind = new SimpleObjectProperty<>(TargetKind.EARLIEST);
    private final StringProperty targetValue = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<ResetPlan> plan = new ReadOnlyObjectWrapper<>();
    private final ObservableList<PartitionMove> moves = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private long request;

    public ResetViewModel(ConsumerGroupLag group, ClusterProfile profile, Commands commands, Executor ui) {
        this.group = group;
        this.profile = profile;
        this.commands = commands;
        this.ui = ui;
        topic.set(group.topics().isEmpty() ? null : group.topics().get(0));
        // A plan is only good for the inputs it was made from.
        List<javafx.beans.value.ObservableValue<?>> inputs = List.of(topic, allPartitions, chosenPartitions, targetKind, targetValue);
        inputs.forEach(input -> input.addListener((o, before, now) -> dropPlan()));
    }

    // Properties

    public String groupId() {
        return group.groupId();
    }

    public List<String> topics() {
        return group.topics();
    }

    public ObjectProperty<String> topicProperty() {
        return topic;
    }

    /** The topic's partitions the group has offsets or an assignment on, for the chooser's hint. */
    public List<Integer> partitionsOfTopic() {
        return group.partitionsOf(topic.get() == null ? "" : topic.get()).stream()
                .map(PartitionLag::partition).map(tp -> tp.partition()).toList();
    }

    public BooleanProperty allPartitionsProperty() {
        return allPartitions;
    }

    /** "0, 2, 5" when not all partitions are to move. */
    public StringProperty chosenPartitionsProperty() {
        return chosenPartitions;
    }

    public ObjectProperty<TargetKind> targetKindProperty() {
        return targetKind;
    }

    /** The date and time ("2026-11-26 07:00"), the offset, or the ±N the target needs. */
    public StringProperty targetValueProperty() {
        return targetValue;
    }

    /** The last dry run's plan, for exactly these inputs; null before one or after the inputs changed. */
    public ReadOnlyObjectProperty<ResetPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public ObservableList<PartitionMove> moves() {
        return moves;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What is wrong with the inputs, or why the dry run or the reset failed. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Why the reset cannot be applied at all (read-only connection, active members); empty when it can. */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    /** What the applied reset did. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public BooleanBinding canDryRun() {
        return running.not().and(topic.isNotNull());
    }

    /** Only after a dry run of the current inputs, with nothing refusing it, and not while a call runs. */
    public BooleanBinding canApply() {
        return Bindings.createBooleanBinding(() -> plan.get() != null && !plan.get().moves().isEmpty()
                && refusal.get().isEmpty() && !running.get() && outcome.get().isEmpty(), plan, refusal, running, outcome);
    }

    /** "Reset 3 partitions of fraud-scorer on decisions.fraud: 1,204 records will be read again?" */
    public String confirmation() {
        ResetPlan shown = plan.get();
        if (shown == null) {
            return "";
        }
        int count = shown.moves().size();
        String partitions = count + (count == 1 ? " partition" : " partitions");
        return "Reset " + partitions + " of " + shown.groupId() + " on " + shown.topic() + ": " + effect(shown) + "?";
    }

    /** "1,204 records will be read again", "…skipped", or both. */
    static String effect(ResetPlan shown) {
        long again = shown.recordsReread();
        long skipped = shown.recordsSkipped();
        if (again == 0 && skipped == 0) {
            return "no record will be read again or skipped";
        }
        List<String> parts = new ArrayList<>();
        if (again > 0) {
            parts.add(TopicFormats.count(again) + (again == 1 ? " record" : " records") + " will be read again");
        }
        if (skipped > 0) {
            parts.add(TopicFormats.count(skipped) + (skipped == 1 ? " record" : " records") + " will be skipped");
        }
        return String.join(" and ", parts);
    }

    /** The plan's sum line under its table. */
    public String planSummary() {
        ResetPlan shown = plan.get();
        return shown == null ? "" : "Dry run " + shown.target().describe() + ": " + effect(shown) + ".";
    }

    // Commands

    /** Computes the plan for the current inputs; changes nothing on the cluster. */
    public CompletableFuture<ResetPlan> dryRun() {
        ResetTarget target;
        List<Integer> partitions;
        try {
            target = target();
            partitions = partitions();
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        long thisRequest = startCall();
        return commands.dryRun(group.groupId(), topic.get(), target, partitions).whenCompleteAsync((made, failure) -> {
            if (thisRequest != request) {
                return;
            }
            running.set(false);
            if (failure != null) {
                problem.set("The dry run failed: " + GroupsViewModel.reason(failure));
            } else {
                plan.set(made);
                moves.setAll(made.moves());
                refusal.set(refusalReason());
            }
        }, ui);
    }

    /** Applies the dry run's plan; the view asks for confirmation first. */
    public CompletableFuture<ResetPlan> apply() {
        ResetPlan shown = plan.get();
        if (!canApply().get()) {
            return CompletableFuture.completedFuture(null);
        }
        long thisRequest = startCall();
        return commands.execute(shown).whenCompleteAsync((applied, failure) -> {
            if (thisRequest != request) {
                return;
            }
            running.set(false);
            if (failure != null) {
                problem.set("The reset was not applied: " + GroupsViewModel.reason(failure));
            } else {
                outcome.set("Done: the offsets of " + applied.groupId() + " on " + applied.topic() + " were reset "
                        + applied.target().describe() + ". Its consumers start from there when they join again.");
            }
        }, ui);
    }

    private long startCall() {
        problem.set("");
        running.set(true);
        return ++request;
    }

    /** Said before Apply, in the words the reset itself would refuse with. */
    String refusalReason() {
        if (!profile.writable()) {
            return "The connection '" + profile.name() + "' is not writable, so FeedLens does not reset offsets on it. "
                    + "Tick \"Writable connection (allows offset resets)\" in its profile on the Clusters screen first.";
        }
        if (group.hasActiveMembers()) {
            List<String> clients = group.members().stream().map(m -> m.clientId() + "@" + m.host()).distinct().toList();
            return "The group '" + group.groupId() + "' has " + group.members().size() + " active member(s) ("
                    + String.join(", ", clients) + "). Stop its consumers first: offsets are only reset while nobody consumes.";
        }
        return "";
    }

    private void dropPlan() {
        request++;
        running.set(false);
        plan.set(null);
        moves.clear();
        refusal.set("");
        problem.set("");
        outcome.set("");
    }

    ResetTarget target() {
        String value = targetValue.get() == null ? "" : targetValue.get().trim();
        return switch (targetKind.get()) {
            case EARLIEST -> new ResetTarget.ToEarliest();
            case LATEST -> new ResetTarget.ToLatest();
            case DATETIME -> new ResetTarget.ToDatetime(instant(value));
            case OFFSET -> new ResetTarget.ToOffset(number(value, "an offset, e.g. 1200"));
            case SHIFT -> new ResetTarget.ShiftBy(number(value.startsWith("+") ? value.substring(1) : value,
                    "a shift such as -500 or +100"));
        };
    }

    List<Integer> partitions() {
        if (allPartitions.get()) {
            return List.of();
        }
        List<Integer> chosen = new ArrayList<>();
        for (String part : chosenPartitions.get().split("[,\\s]+")) {
            if (!part.isBlank()) {
                chosen.add((int) number(part, "partition numbers such as 0, 2"));
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one partition, e.g. 0, 2; or tick \"All partitions\".");
        }
        return chosen;
    }

    private static long number(String text, String expected) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + expected + ".");
        }
    }

    /** Local time as people type it ("2026-11-26 07:00" or with seconds), or an ISO instant ("…Z"). */
    private static Instant instant(String text) {
        try {
            if (text.endsWith("Z")) {
                return Instant.parse(text);
            }
            String iso = text.replace(' ', 'T');
            return LocalDateTime.parse(iso.length() == 16 ? iso + ":00" : iso).atZone(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date and time such as 2026-11-26 07:00.");
        }
    }
}
