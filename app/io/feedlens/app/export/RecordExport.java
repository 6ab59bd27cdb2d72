package io.feedlens.app.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.feedlens.app.Background;
import io.feedlens.app.decode.DecodedRecord;
import io.feedlens.app.decode.RecordDecoder;
import io.feedlens.app.scan.ScanHandle;
import io.feedlens.app.scan.ScanRequest;
import io.feedlens.app.scan.ScanSummary;
import io.feedlens.app.scan.TopicScan;

/**
 * Writes decoded records to a JSON Lines or CSV file on a worker thread: either a list in hand (the records shown), or
 * every match of a search, streamed from the scan straight to the file so no more than a poll's worth is ever held.
 * Figures ({@link #written()}) may be read from any thread; {@link #cancel()} stops it and keeps what was written.
 */
public final class RecordExport {

    private final Path file;
    private final ExportFormat format;
    private final AtomicLong written = new AtomicLong();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CompletableFuture<ExportResult> completion = new CompletableFuture<>();
    private volatile ScanHandle scan;

    private RecordExport(Path file, ExportFormat format) {
        this.file = file;
        this.format = format;
    }

    /** Exports these records (a copy is taken, so the caller's list may change meanwhile). */
    public static RecordExport records(List<DecodedRecord> records, Path file, ExportFormat format) {
        RecordExport export = new RecordExport(file, format);
        List<DecodedRecord> copy = List.copyOf(records);
        Background.run(() -> export.writeList(copy));
        return export;
    }

    /** Exports every match of the request (its row limit, if any, applies: pass 0 for all), as the scan finds them. */
    public static RecordExport allMatches(Map<String, Object> clientConfig, RecordDecoder decoder, ScanRequest request,
                                          Path file, ExportFormat format) {
        RecordExport export = new RecordExport(file, format);
        Background.run(() -> export.writeScan(clientConfig, decoder, request));
        return export;
    }

    public long written() {
        return written.get();
    }

    /** The scan's figures while exporting all matches (null for a list export, or before the scan started). */
    public ScanHandle scan() {
        return scan;
    }

    public CompletableFuture<ExportResult> completion() {
        return completion;
    }

    /** Stops soon (a record or a poll); the file keeps the records written so far. */
    public void cancel() {
        cancelled.set(true);
        ScanHandle running = scan;
        if (running != null) {
            running.cancel();
        }
    }

    private void writeList(List<DecodedRecord> records) {
        // The result is told after the file is closed, so whoever hears of it reads the whole file.
        String problem = null;
        try (BufferedWriter out = open()) {
            for (DecodedRecord record : records) {
                if (cancelled.get()) {
                    break;
                }
                write(out, record);
            }
        } catch (IOException | UncheckedIOException e) {
            problem = "Could not write " + file + ": " + e.getMessage();
        }
        finish(problem);
    }

    private void writeScan(Map<String, Object> clientConfig, RecordDecoder decoder, ScanRequest request) {
        String problem;
        try (BufferedWriter out = open()) {
            // Scan threads write in turn under the writer's lock; a slow disk slows the scan instead of filling memory.
            ScanHandle handle = TopicScan.start(clientConfig, decoder, request, batch -> writeBatch(out, batch));
            scan = handle;
            if (cancelled.get()) {
                handle.cancel();
            }
            ScanSummary summary = handle.completion().join();
            problem = summary.problem();
        } catch (IOException | UncheckedIOException e) {
            scanCancel();
            problem = "Could not write " + file + ": " + e.getMessage();
        }
        finish(problem);
    }

    private void writeBatch(BufferedWriter out, List<DecodedRecord> batch) {
        synchronized (out) {
            for (DecodedRecord record : batch) {
                if (cancelled.get()) {
                    return;
                }
                try {
                    write(out, record);
                } catch (IOException e) {
                    scanCancel();
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void scanCancel() {
        ScanHandle running = scan;
        if (running != null) {
            running.cancel();
        }
    }

    private BufferedWriter open() throws IOException {
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        if (format == ExportFormat.CSV) {
            out.write(RecordCsv.header());
            out.write("\r\n");
        }
        return out;
    }

    private void write(BufferedWriter out, DecodedRecord record) throws IOException {
        if (format == ExportFormat.CSV) {
            out.write(RecordCsv.line(record));
            out.write("\r\n");
        } else {
            out.write(RecordJson.line(record));
            out.write('\n');
        }
        written.incrementAndGet();
    }

    private void finish(String problem) {
        completion.complete(new ExportResult(file, written.get(), cancelled.get(), cancelled.get() ? null : problem));
    }
}
