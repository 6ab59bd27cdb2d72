package io.feedlens.views.messages;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;

import io.feedlens.app.decode.DecodedRecord;
import io.feedlens.app.export.ExportFormat;
import io.feedlens.app.export.ExportResult;
import io.feedlens.app.export.RecordExport;
import io.feedlens.app.scan.ScanRequest;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Exports from the Messages tab: the rows shown, or every match of the last search (run again without a row limit and
 * streamed to the file). One export at a time, with progress and cancel; the file chooser is the view's business.
 */
public final class ExportViewModel {

    private final Executor ui;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper searchAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private MessageSource searchSource;
    private ScanRequest search;
    private RecordExport export;
    private long total;

    ExportViewModel(Executor ui) {
        this.ui = ui;
    }

    // Properties

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** Whether there is a search whose matches can be exported (not after a live tail). */
    public ReadOnlyBooleanProperty searchAvailableProperty() { return searchAvailable.getReadOnlyProperty(); }
    /** 0..1 for the rows shown; −1 (indeterminate) for all matches, whose number is known only at the end. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    // Commands

    public void exportShown(List<DecodedRecord> rows, Path file, ExportFormat format) {
        total = rows.size();
        begin(RecordExport.records(rows, file, format), file);
    }

    /** Every match of the last search, however many: the search runs again, straight to the file. */
    public void exportAllMatches(Path file, ExportFormat format) {
        if (search == null) {
            status.set("Run a search first: a live tail has no \"all matches\".");
            return;
        }
        total = -1;
        begin(RecordExport.allMatches(searchSource.clientConfig(), searchSource.decoder(), search.limit(0), file, format), file);
    }

    public void cancel() {
        if (export != null) {
            export.cancel();
        }
    }

    /** Reads the export's figures; the view calls it on its figures timer. */
    public void refresh() {
        if (export == null || !running.get()) {
            return;
        }
        long written = export.written();
        progress.set(total > 0 ? (double) written / total : total == 0 ? 1 : -1);
        status.set(String.format("Exporting… %,d records written", written));
    }

    void rememberSearch(MessageSource source, ScanRequest request) {
        searchSource = source;
        search = request;
        searchAvailable.set(true);
    }

    void forgetSearch() {
        searchSource = null;
        search = null;
        searchAvailable.set(false);
    }

    private void begin(RecordExport started, Path file) {
        cancel();
        export = started;
        running.set(true);
        progress.set(total == 0 ? 1 : total > 0 ? 0 : -1);
        status.set("Exporting to " + file.getFileName() + "…");
        started.completion().thenAcceptAsync(result -> finished(started, result), ui);
    }

    private void finished(RecordExport which, ExportResult result) {
        if (which != export) {
            return;
        }
        running.set(false);
        progress.set(result.complete() ? 1 : progress.get() < 0 ? 0 : progress.get());
        String count = String.format("%,d %s", result.written(), result.written() == 1 ? "record" : "records");
        status.set(result.problem() != null ? "Export failed after " + count + ": " + result.problem()
                : result.cancelled() ? "Export cancelled: " + count + " written to " + result.file()
                : "Exported " + count + " to " + result.file());
    }
}
