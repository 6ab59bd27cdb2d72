package io.feedlens.app.report;

import java.nio.file.Path;

/** The two files of an audit report, and the report they hold. */
public record ReportFiles(Path html, Path json, AuditReport report) {
}
