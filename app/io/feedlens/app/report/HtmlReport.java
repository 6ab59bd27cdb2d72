package io.feedlens.app.report;

import static io.feedlens.app.report.Html.age;
import static io.feedlens.app.report.Html.code;
import static io.feedlens.app.report.Html.flags;
import static io.feedlens.app.report.Html.number;
import static io.feedlens.app.report.Html.row;
import static io.feedlens.app.report.Html.text;
import static io.feedlens.app.report.Html.time;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.feedlens.app.report.AuditReport.Event;
import io.feedlens.app.report.AuditReport.Input;
import io.feedlens.app.report.AuditReport.PartitionState;
import io.feedlens.app.report.AuditReport.SourceRecord;
import io.feedlens.app.report.AuditReport.TopicState;

/**
 * The report as one self-contained HTML file for a reviewer who never used Kafka: no scripts, no external styles,
 * fonts or links, so it opens offline and archives as it is; printable on A4 with each record kept on one page where
 * it fits; flags always as a symbol and a word in a box, so black-and-white print loses nothing. Written with plain
 * text blocks and {@link Html}'s escaping (no template library: the page is small and fixed, see decision 0013).
 */
public final class HtmlReport {

    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif;
                   color: #111; background: #fff; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.4; }
            h1 { font-size: 1.5rem; margin-bottom: 0.2rem; }
            h2 { font-size: 1.2rem; border-bottom: 2px solid #111; padding-bottom: 0.15rem; margin-top: 2rem; }
            h3 { font-size: 1rem; margin: 1.2rem 0 0.4rem; }
            .meta { color: #333; margin-top: 0; }
            table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 0.8rem; font-size: 0.92rem; }
            th, td { border: 1px solid #777; padding: 0.25rem 0.45rem; text-align: left; vertical-align: top; }
            th[scope=row] { width: 13rem; font-weight: 600; background: #f2f2f2; }
            thead th { background: #e6e6e6; }
            code, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.85rem; }
            pre.payload { border: 1px solid #999; padding: 0.4rem; white-space: pre-wrap; word-break: break-all; margin: 0.2rem 0; }
            .flag { display: inline-block; border: 1.5px solid #111; border-radius: 3px; padding: 0 0.3rem; margin: 0.05rem 0;
                    font-weight: 600; white-space: nowrap; background: #fff4d6; }
            .flag-inferred { border-style: dashed; background: #eef3ff; }
            .none { color: #444; }
            .unavailable { border: 2px dashed #111; padding: 0.4rem; font-weight: 600; }
            .hash { word-break: break-all; }
            article.record, div.input { border-left: 4px solid #111; padding-left: 0.8rem; margin: 1rem 0; }
            ul.notes { margin: 0.2rem 0 0.6rem; }
            @page { size: A4; margin: 15mm 12mm; }
            @media print {
              body { max-width: none; margin: 0; font-size: 10pt; }
              h2 { break-after: avoid; }
              h3 { break-after: avoid; }
              #records, #index { break-before: page; }
              article.record, div.input, tr { break-inside: avoid; }
              .flag, thead th, th[scope=row] { background: none; }
              a { color: inherit; text-decoration: none; }
            }
            """;

    private static final String READING = """
            <p>Kafka keeps data as <em>records</em> in named <em>topics</em>. A topic is split into numbered
            <em>partitions</em>; inside a partition each record has an <em>offset</em>, its position number, which never
            changes. So <code>topic/partition@offset</code> (the record's <em>coordinates</em>) names exactly one record.
            A record has a <em>key</em> (what it is about), a <em>value</em> (its content) and <em>headers</em> (labels such
            as its id and type). Kafka deletes records after a retention period; a deleted record cannot be read again.</p>
            <p>A <em>feature</em> is a number computed from earlier events (for example how many payments a card made in
            five minutes); the model reads features to decide. Each feature value is valid <em>as of</em> a time; its
            <em>age</em> at the decision is the decision time minus that time. Every record in this report was read again
            from Kafka when the report was made; its SHA-256 digests let anyone check later that Kafka still holds the same
            bytes (<code>feedlens verify</code> does that).</p>
            """;

    private HtmlReport() {
    }

    public static String of(AuditReport report) {
        StringBuilder html = new StringBuilder(32_768);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Audit report: decision ")
                .append(text(report.decision().id())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<header>\n<h1>Audit report: decision ").append(code(report.decision().id())).append("</h1>\n<p class=\"meta\">Made ")
                .append(time(report.madeAt())).append(" by ").append(text(report.madeBy())).append(" from the Kafka cluster ")
                .append(code(report.clusterId())).append(" (reached at ").append(code(report.bootstrapServers())).append(").</p>\n</header>\n");
        decision(html, report);
        html.append("<section id=\"reading\">\n<h2>How to read this report</h2>\n").append(READING);
        legend(html, report);
        html.append("</section>\n");
        inputs(html, report.inputs());
        records(html, report);
        index(html, report);
        html.append("<footer>\n<h2>How the digests are computed</h2>\n<p>").append(text(report.hashing())).append("</p>\n<p class=\"meta\">")
                .append(text(report.format())).append(" version ").append(report.formatVersion())
                .append(". The JSON file made with this page holds the same content for programs.</p>\n</footer>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void decision(StringBuilder html, AuditReport report) {
        AuditReport.Decision decision = report.decision();
        html.append("<section id=\"decision\">\n<h2>The decision</h2>\n<table>\n")
                .append(row("Decision id", code(decision.id())))
                .append(row("Decided at", time(decision.decidedAt())))
                .append(row("Model", code(decision.modelId())))
                .append(row("Model version", code(decision.modelVersion())))
                .append(row("About (entity)", code(decision.entity())))
                .append(row("Made by (source)", code(decision.source())))
                .append(row("Output", (decision.output() == null ? "" : Html.content(decision.output())) + text(decision.outputNote())))
                .append(row("Kept in Kafka at", links(decision.coordinates())))
                .append(row("Flags anywhere in this trace", flags(decision.flags())))
                .append("</table>\n</section>\n");
    }

    private static void legend(StringBuilder html, AuditReport report) {
        html.append("<h3>What the flags mean</h3>\n<table class=\"legend\">\n<thead><tr><th>Flag</th><th>Meaning</th></tr></thead>\n<tbody>\n");
        report.legend().forEach(l -> html.append("<tr><td><span class=\"flag flag-").append(text(l.flag())).append("\">")
                .append(text(l.symbol() + " " + l.word())).append("</span></td><td>").append(text(l.meaning())).append("</td></tr>\n"));
        html.append("</tbody>\n</table>\n");
    }

    /** What stands for a value the masking rules hide, else the value's own cell. */
    private static String shown(Input input, String field, String cellHtml) {
        return input.masked().containsKey(field) ? code(input.masked().get(field)) : cellHtml;
    }

    private static String status(Input input) {
        Object status = input.masked().containsKey("loggedStatus") ? input.masked().get("loggedStatus") : input.loggedStatus();
        return status == null ? "" : " (status " + code(status) + ")";
    }

    private static void inputs(StringBuilder html, List<Input> inputs) {
        html.append("<section id=\"inputs\">\n<h2>What the model saw: ").append(inputs.size()).append(inputs.size() == 1 ? " input" : " inputs")
                .append("</h2>\n");
        if (inputs.isEmpty()) {
            html.append("<p>The decision names no inputs, and no feature could be linked to it.</p>\n");
        }
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            String name = input.featureView() == null ? input.reference() : input.featureView() + ", version " + input.featureVersion();
            html.append("<div class=\"input\">\n<h3>").append(i + 1).append(". ").append(text(name)).append("</h3>\n<table>\n")
                    .append(row("Flags", flags(input.flags())))
                    .append(row("How it is linked", input.inferred() ? "inferred by FeedLens (the decision did not record it)"
                            : "recorded by the decision"))
                    .append(row("Feature record id", code(input.featureId())))
                    .append(row("Value in the feature record", shown(input, "value", number(input.value()))))
                    .append(row("Value the model recorded", shown(input, "loggedValue", number(input.loggedValue()))
                            + status(input)))
                    .append(row("Valid as of", time(input.asOf())))
                    .append(row("Age at the decision", age(input.freshness())))
                    .append(row("Allowed age (time to live)", input.ttl() == null ? "not configured" : age(input.ttl())))
                    .append(row("Kept in Kafka at", links(input.coordinates())))
                    .append("</table>\n");
            notes(html, input.notes());
            events(html, input.events());
            html.append("</div>\n");
        }
        html.append("</section>\n");
    }

    private static void events(StringBuilder html, List<Event> events) {
        if (events.isEmpty()) {
            html.append("<p>No source events are linked to this feature.</p>\n");
            return;
        }
        html.append("<table>\n<thead><tr><th>Source event</th><th>Happened at</th><th>Before the feature</th><th>Kept in Kafka at</th>")
                .append("<th>Flags</th></tr></thead>\n<tbody>\n");
        for (Event event : events) {
            html.append("<tr><td>").append(code(event.id() == null ? event.reference() : event.id())).append("</td><td>").append(time(event.time()))
                    .append("</td><td>").append(age(event.beforeFeature())).append("</td><td>").append(links(event.coordinates()))
                    .append("</td><td>").append(flags(event.flags()));
            event.notes().forEach(note -> html.append("<br>").append(text(note)));
            html.append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void records(StringBuilder html, AuditReport report) {
        Map<String, String> owners = report.index().topics().stream().collect(Collectors.toMap(TopicState::topic, TopicState::owner, (a, b) -> a));
        html.append("<section id=\"records\">\n<h2>The records, as Kafka holds them (").append(report.records().size()).append(")</h2>\n");
        for (SourceRecord record : report.records()) {
            html.append("<article class=\"record\" id=\"").append(Html.anchor(record.coordinates())).append("\">\n<h3>")
                    .append(text(record.role())).append(' ').append(code(record.factId())).append(" at ").append(code(record.coordinates()))
                    .append("</h3>\n<table>\n")
                    .append(row("Topic", code(record.topic()))).append(row("Partition", text(record.partition())))
                    .append(row("Offset", text(record.offset())))
                    .append(row("Topic owner", text(owners.getOrDefault(record.topic(), AuditReport.OWNER_NOT_RECORDED))));
            if (record.note() != null) {
                html.append(row("Note", text(record.note())));
            }
            if (!record.fetched()) {
                html.append("</table>\n<p class=\"unavailable\">Could not be read again: ").append(text(record.unavailable())).append("</p>\n</article>\n");
                continue;
            }
            html.append(row("Written at", time(record.timestamp()) + " (" + text(record.timestampType()) + ")"))
                    .append(row("SHA-256 of the key", hash(record.sha256().key(), "no key")))
                    .append(row("SHA-256 of the value", hash(record.sha256().value(), "no value")))
                    .append(row("SHA-256 of the headers", hash(record.sha256().headers(), "")))
                    .append("</table>\n");
            payload(html, "Key", record.key());
            payload(html, "Value", record.value());
            headers(html, record.headers());
            html.append("</article>\n");
        }
        html.append("</section>\n");
    }

    private static void payload(StringBuilder html, String label, AuditReport.Payload payload) {
        html.append("<p><strong>").append(label).append("</strong> — read as ").append(text(payload.format()))
                .append(payload.schema() == null ? "" : ", " + text(payload.schema())).append(", ").append(payload.bytes()).append(" bytes")
                .append(payload.problem() == null ? "" : ". " + text(payload.problem())).append("</p>\n").append(Html.content(payload.content()));
    }

    private static void headers(StringBuilder html, List<AuditReport.HeaderEntry> headers) {
        if (headers.isEmpty()) {
            html.append("<p><strong>Headers</strong>: none.</p>\n");
            return;
        }
        html.append("<table>\n<thead><tr><th>Header</th><th>Value</th></tr></thead>\n<tbody>\n");
        headers.forEach(h -> html.append("<tr><td>").append(code(h.name())).append("</td><td>").append(code(h.value()))
                .append(h.printable() ? "" : " (bytes, in hexadecimal)").append("</td></tr>\n"));
        html.append("</tbody>\n</table>\n");
    }

    private static void index(StringBuilder html, AuditReport report) {
        html.append("<section id=\"index\">\n<h2>The lineage index when the report was made</h2>\n<p>Records indexed: ")
                .append(text(report.index().recordsIndexed().entrySet().stream().map(e -> String.format(java.util.Locale.ROOT, "%,d %s", e.getValue(), e.getKey()))
                        .collect(Collectors.joining(", "))))
                .append(". &ldquo;Indexed up to&rdquo; is the next offset FeedLens will read: every record below it is in the index. ")
                .append("&ldquo;Kept from&rdquo; is the oldest offset Kafka still holds; &ldquo;end&rdquo; the offset the next record will get.</p>\n")
                .append("<table>\n<thead><tr><th>Topic</th><th>Role</th><th>Owner</th><th>Partition</th><th>Indexed up to</th>")
                .append("<th>Kept from</th><th>End</th><th>Not yet indexed</th></tr></thead>\n<tbody>\n");
        for (TopicState topic : report.index().topics()) {
            if (topic.partitions().isEmpty()) {
                html.append("<tr><td>").append(code(topic.topic())).append("</td><td>").append(text(topic.role())).append("</td><td>")
                        .append(text(topic.owner())).append("</td><td colspan=\"5\">").append(text(topic.problem())).append("</td></tr>\n");
            }
            for (PartitionState p : topic.partitions()) {
                Long behind = p.end() == null ? null : p.end() - (p.indexedUpTo() == null ? (p.earliest() == null ? 0 : p.earliest()) : p.indexedUpTo());
                html.append("<tr><td>").append(code(topic.topic())).append("</td><td>").append(text(topic.role())).append("</td><td>")
                        .append(text(topic.owner())).append("</td><td>").append(p.partition()).append("</td><td>")
                        .append(p.indexedUpTo() == null ? "never indexed" : text(p.indexedUpTo())).append("</td><td>").append(text(p.earliest()))
                        .append("</td><td>").append(text(p.end())).append("</td><td>").append(text(behind)).append("</td></tr>\n");
            }
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static void notes(StringBuilder html, List<String> notes) {
        if (!notes.isEmpty()) {
            html.append("<ul class=\"notes\">\n");
            notes.forEach(note -> html.append("<li>").append(text(note)).append("</li>\n"));
            html.append("</ul>\n");
        }
    }

    private static String hash(String hex, String whenNull) {
        return hex == null ? text(whenNull) : "<code class=\"hash\">" + text(hex) + "</code>";
    }

    private static String links(List<String> coordinates) {
        if (coordinates.isEmpty()) {
            return "not in the index";
        }
        return coordinates.stream().map(c -> "<a href=\"#" + Html.anchor(c) + "\">" + code(c) + "</a>").collect(Collectors.joining(", "))
                + (coordinates.size() > 1 ? " (" + coordinates.size() + " copies of one fact, e.g. a producer retry)" : "");
    }
}
