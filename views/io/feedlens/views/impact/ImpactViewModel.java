package io.feedlens.views.impact;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import io.feedlens.app.Background;
import io.feedlens.app.lineage.ClusterLineage;
import io.feedlens.lineage.model.FeatureVersion;
import io.feedlens.lineage.store.DecisionUse;
import io.feedlens.lineage.store.ModelVersionUse;
import io.feedlens.lineage.trace.ImpactReport;
import io.feedlens.lineage.trace.TraceMasking;
import io.feedlens.views.shell.ActiveLineage;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Impact screen's state: which decisions used a feature view version — per model version with the time range,
 * and the decisions themselves — plus flagging the version as wrong and exporting the list for a reviewer.
 */
public final class ImpactViewModel {

    /** Decisions listed on screen; the export writes all of them. */
    static final int SHOWN = 10_000;

    private final ActiveLineage lineage;
    private final Executor ui;
    private final ObservableList<FeatureVersion> versions = FXCollections.observableArrayList();
    private final ObjectProperty<FeatureVersion> version = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ImpactReport> report = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ModelVersionUse> byModelVersion = FXCollections.observableArrayList();
    private final ObservableList<DecisionUse> decisions = FXCollections.observableArrayList();
    /**
     * Each shown (masked) row's decision as indexed, whose id opens its trace. By identity: masked rows may be equal,
     * and sorting the table reorders the rows.
     */
    private Map<DecisionUse, DecisionUse> indexed = new IdentityHashMap<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Pick a feature view version.");
    private long asking;

    public ImpactViewModel(ActiveLineage lineage, Executor ui) {
        this.lineage = lineage;
        this.ui = ui;
        lineage.lineageProperty().addListener((o, before, now) -> refreshVersions());
        version.addListener((o, before, now) -> show(now));
    }

    // Properties

    public ObservableList<FeatureVersion> versions() { return versions; }
    public ObjectProperty<FeatureVersion> versionProperty() { return version; }
    public ReadOnlyObjectProperty<ImpactReport> reportProperty() { return report.getReadOnlyProperty(); }
    public ObservableList<ModelVersionUse> byModelVersion() { return byModelVersion; }
    public ObservableList<DecisionUse> decisions() { return decisions; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    // Commands

    /** Reads the versions decisions used from the index (they grow while the indexer runs). */
    public void refreshVersions() {
        ClusterLineage current = lineage.lineageProperty().get();
        if (current == null) {
            versions.clear();
            return;
        }
        Background.supply(current::versionsUsed).thenAcceptAsync(found -> {
            FeatureVersion kept = version.get();
            versions.setAll(found);
            if (kept != null && !found.contains(kept)) {
                versions.add(kept);
            }
        }, ui);
    }

    /** Shows the decisions that used this version ("who else used this?" from a trace lands here). */
    public void show(FeatureVersion wanted) {
        if (wanted == null) {
            return;
        }
        if (!wanted.equals(version.get())) {
            version.set(wanted); // comes back here through the listener
            return;
        }
        ClusterLineage current = lineage.lineageProperty().get();
        if (current == null) {
            message.set("Connect to a cluster first: impact comes from its lineage index.");
            return;
        }
        long attempt = ++asking;
        message.set("Finding the decisions that used " + wanted + "…");
        Background.supply(() -> {
                    List<DecisionUse> found = current.decisionsUsing(wanted, SHOWN);
                    TraceMasking masking = current.masking();
                    return new Found(current.impact(wanted), found, found.stream().map(masking::apply).toList());
                })
                .whenCompleteAsync((found, failure) -> {
                    if (attempt != asking) {
                        return;
                    }
                    if (failure != null) {
                        message.set("The index could not answer: " + (failure.getCause() != null ? failure.getCause() : failure).getMessage());
                        return;
                    }
                    report.set(found.report());
                    byModelVersion.setAll(found.report().byModelVersion());
                    Map<DecisionUse, DecisionUse> rows = new IdentityHashMap<>();
                    for (int i = 0; i < found.shown().size(); i++) {
                        rows.put(found.shown().get(i), found.decisions().get(i));
                    }
                    indexed = rows;
                    decisions.setAll(found.shown());
                    message.set(ImpactText.summary(found.report(), found.decisions().size()));
                }, ui);
    }

    private record Found(ImpactReport report, List<DecisionUse> decisions, List<DecisionUse> shown) {
    }

    /** A decision to trace: its id, and how the list showed it when a masking rule hides it (else null). */
    public record ToTrace(String id, String shownAs) {
    }

    /** The decision of a row of {@link #decisions()}, to open its trace. */
    public ToTrace toTrace(DecisionUse row) {
        String id = indexed.getOrDefault(row, row).decisionId();
        return new ToTrace(id, id.equals(row.decisionId()) ? null : row.decisionId());
    }

    /** Marks the shown version as wrong, with the reason a reviewer will read in every trace that used it. */
    public void flag(String reason) {
        changeFlag(current -> current.flag(version.get(), reason));
    }

    public void unflag() {
        changeFlag(current -> current.unflag(version.get()));
    }

    private void changeFlag(java.util.function.Consumer<ClusterLineage> change) {
        ClusterLineage current = lineage.lineageProperty().get();
        FeatureVersion shown = version.get();
        if (current == null || shown == null) {
            return;
        }
        Background.run(() -> change.accept(current)).thenRunAsync(() -> show(shown), ui);
    }

    /** Writes every decision that used the version (not only those shown) as CSV; completes with the count. */
    public java.util.concurrent.CompletableFuture<Integer> exportCsv(Path file) {
        ClusterLineage current = lineage.lineageProperty().get();
        FeatureVersion shown = version.get();
        if (current == null || shown == null) {
            return java.util.concurrent.CompletableFuture.completedFuture(0);
        }
        return Background.supply(() -> {
            TraceMasking masking = current.masking();
            List<DecisionUse> all = current.decisionsUsing(shown, Integer.MAX_VALUE).stream().map(masking::apply).toList();
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                ImpactText.csv(shown, all, out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
            }
            return all.size();
        });
    }
}
