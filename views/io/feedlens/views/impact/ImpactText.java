package io.feedlens.views.impact;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.feedlens.app.export.RecordCsv;
import io.feedlens.lineage.model.FeatureVersion;
import io.feedlens.lineage.store.DecisionUse;
import io.feedlens.lineage.trace.ImpactReport;

/** The Impact screen's words and its CSV export. */
final class ImpactText {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ImpactText() {
    }

    static String summary(ImpactReport report, int listed) {
        if (report.decisions() == 0) {
            return "No indexed decision used " + report.subject() + ".";
        }
        String range = " from " + TIME.format(report.first().atZone(ZoneId.systemDefault()))
                + " to " + TIME.format(report.last().atZone(ZoneId.systemDefault()));
        String more = listed < report.decisions() ? String.format(Locale.ROOT, " (the first %,d listed; Export writes all)", listed) : "";
        return String.format(Locale.ROOT, "%,d decisions used %s%s, by %d model version%s%s", report.decisions(), report.subject(), range,
                report.byModelVersion().size(), report.byModelVersion().size() == 1 ? "" : "s", more);
    }

    /** One row per decision: id, time (UTC, ISO-8601), model, model version, and the version it used. */
    static void csv(FeatureVersion version, List<DecisionUse> decisions, Writer out) throws IOException {
        out.write(RecordCsv.row(List.of("decision_id", "decided_at", "model_id", "model_version", "feature_version")) + "\n");
        for (DecisionUse use : decisions) {
            out.write(RecordCsv.row(Arrays.asList(use.decisionId(), use.decidedAt().toString(), use.modelId(), use.modelVersion(),
                    version.toString())) + "\n");
        }
    }
}
