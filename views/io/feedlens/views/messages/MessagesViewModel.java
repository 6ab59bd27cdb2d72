package io.feedlens.views.messages;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.feedlens.app.browse.LiveTail;
import io.feedlens.app.decode.DecodedRecord;
import io.feedlens.app.scan.ScanHandle;
import io.feedlens.app.scan.ScanProgress;
import io.feedlens.app.scan.ScanRequest;
import io.feedlens.app.scan.ScanSummary;
import io.feedlens.app.scan.ScreenPace;
import io.feedlens.app.scan.StartAt;
import io.feedlens.app.scan.TopicScan;
import io.feedlens.app.search.FilterProblem;
import io.feedlens.app.search.RecordFilter;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Messages tab of a topic: what to read (mode, partition, isolation, filter), the running search or live tail with
 * its figures, and the bounded table of matches. Matches reach the table only through {@link #drain()}, which the view
 * calls on a timer: one {@code addAll} per tick, however many records arrive. Free of controls: tests pass
 * {@code Runnable::run} as the UI executor and call {@link #drain()} and {@link #refreshFigures()} themselves.
 */
public final class MessagesViewModel {

    public static final int DEFAULT_MAX_ROWS = 10_000;
    private static final int RECENT_KEPT = 10;
    /**
     * How often at most a live tail whose table is full moves on. Each move changes every visible row, which cost the
     * FX thread and the renderer a third of a core at ten moves a second under a 5,000 records/s tail
     * (docs/benchmarks.md); nobody reads rows that pass at that speed, and the queue keeps the newest meanwhile.
     */
    private static final long FULL_TAIL_MOVES_EVERY_NANOS = 250_000_000L;

    private final Supplier<MessageSource> source;
    private final Executor ui;
    private final StringProperty topic = new SimpleStringProperty("");
    private final ObjectProperty<BrowseMode> mode = new SimpleObjectProperty<>(BrowseMode.NEWEST);
    private final IntegerProperty newestCount = new SimpleIntegerProperty(100);
    private final StringProperty fromOffset = new SimpleStringProperty("0");
    private final StringProperty fromTime = new SimpleStringProperty("");
    private final StringProperty untilTime = new SimpleStringProperty("");
    private final ObjectProperty<Integer> partition = new SimpleObjectProperty<>();
    private final ObservableList<Integer> partitionChoices = FXCollections.observableArrayList();
    private final BooleanProperty readCommitted = new SimpleBooleanProperty(false);
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringProperty contains = new SimpleStringProperty("");
    private final ObservableList<String> recentFilters = FXCollections.observableArrayList();
    private final IntegerProperty maxRows = new SimpleIntegerProperty(DEFAULT_MAX_ROWS);
    private final ReadOnlyStringWrapper formProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper figures = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper shownText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ObservableList<DecodedRecord> rows = FXCollections.observableArrayList();
    private final ScreenPace pace = new ScreenPace();
    private final RecordDetailViewModel detail;
    private final ExportViewModel export;
    private ZoneId zone = ZoneId.systemDefault();
    private Run current;
    private long lastTailMove;

    /** What one search or tail is: its queue, its figures, and how to stop it. Replaced whole by the next one. */
    private record Run(BrowseMode mode, MatchQueue queue, Supplier<ScanProgress> progress, Runnable stop) {
    }

    public MessagesViewModel(Supplier<MessageSource> source, Executor ui) {
        this.source = source;
        this.ui = ui;
        this.detail = new RecordDetailViewModel(source, ui);
        this.export = new ExportViewModel(ui);
        topic.addListener((o, before, now) -> topicChanged());
    }

    /**
     * Builds CEL's compiler off the FX thread (about half a second on first use), so that pressing Search does not
     * pay for it. Called once the window shows: during start-up it would compete with the window for the cores.
     */
    public void warmUpFilter() {
        io.feedlens.app.Background.run(MessagesViewModel::compileConstantFilter);
    }

    private static void compileConstantFilter() {
        try {
            RecordFilter.of("partition >= 0", null);
        } catch (FilterProblem e) {
            throw new IllegalStateException("A constant filter must compile", e);
        }
    }

    // Properties

    public StringProperty topicProperty() { return topic; }
    public ObjectProperty<BrowseMode> modeProperty() { return mode; }
    public IntegerProperty newestCountProperty() { return newestCount; }
    public StringProperty fromOffsetProperty() { return fromOffset; }
    public StringProperty fromTimeProperty() { return fromTime; }
    public StringProperty untilTimeProperty() { return untilTime; }
    /** The one partition to read, or null for all. */
    public ObjectProperty<Integer> partitionProperty() { return partition; }
    public ObservableList<Integer> partitionChoices() { return partitionChoices; }
    public BooleanProperty readCommittedProperty() { return readCommitted; }
    /** A CEL expression over key, value, headers, partition, offset, timestamp. */
    public StringProperty filterProperty() { return filter; }
    /** Plain text that must occur in the key, the value or a header. */
    public StringProperty containsProperty() { return contains; }
    /** How many rows the table holds at most; the scan counts on past it. */
    public IntegerProperty maxRowsProperty() { return maxRows; }
    /** Why the form cannot run (a bad filter, with the column; a bad offset or time); empty when it can. */
    public ReadOnlyStringProperty formProblemProperty() { return formProblem.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** scanned · matched · MB · records/s · elapsed. */
    public ReadOnlyStringProperty figuresProperty() { return figures.getReadOnlyProperty(); }
    /** How the rows relate to the matches: "showing first 10,000 of 123,456 matches". */
    public ReadOnlyStringProperty shownTextProperty() { return shownText.getReadOnlyProperty(); }
    /** Why the last search or tail ended early, or empty. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** The last filters that ran, newest first; kept between runs. */
    public ObservableList<String> recentFilters() { return recentFilters; }
    public ObservableList<DecodedRecord> rows() { return FXCollections.unmodifiableObservableList(rows); }
    public RecordDetailViewModel detail() { return detail; }
    public ExportViewModel export() { return export; }
    /** What the view tells about its pulses, so that the readers leave it a core (see {@link ScreenPace}). */
    public ScreenPace screenPace() { return pace; }

    /** The partitions the topic has, for the partition choice (null stands for all). */
    public void setPartitionCount(int count) {
        List<Integer> choices = new java.util.ArrayList<>();
        choices.add(null);
        for (int i = 0; i < count; i++) {
            choices.add(i);
        }
        partitionChoices.setAll(choices);
        if (partition.get() != null && partition.get() >= count) {
            partition.set(null);
        }
    }

    void useZone(ZoneId zone) {
        this.zone = zone;
    }

    // Commands

    /** Starts what the form says; a form that cannot run says why in {@link #formProblemProperty()} and starts nothing. */
    public boolean start() {
        RecordFilter recordFilter;
        ScanRequest request = null;
        try {
            recordFilter = RecordFilter.of(filter.get(), contains.get());
            if (mode.get() != BrowseMode.LIVE_TAIL) {
                request = scanRequest(recordFilter);
            }
        } catch (FilterProblem | IllegalArgumentException e) {
            formProblem.set(e.getMessage());
            return false;
        }
        MessageSource from = source.get();
        if (from == null || topic.get().isEmpty()) {
            formProblem.set("Connect to a cluster and choose a topic first.");
            return false;
        }
        stop();
        formProblem.set("");
        problem.set("");
        rows.clear();
        detail.show(null);
        current = request == null ? startTail(from, recordFilter) : startScan(from, request);
        running.set(true);
        rememberFilter(filter.get().trim());
        refreshFigures();
        return true;
    }

    private void rememberFilter(String ran) {
        if (!ran.isEmpty()) {
            recentFilters.remove(ran);
            recentFilters.add(0, ran);
            if (recentFilters.size() > RECENT_KEPT) {
                recentFilters.remove(RECENT_KEPT, recentFilters.size());
            }
        }
    }

    /** Stops the search or tail; the rows found so far stay. */
    public void stop() {
        if (current != null) {
            current.stop().run();
        }
    }

    /** Moves waiting matches into the table: one change per call. The view calls it every ~100 ms. */
    public void drain() {
        if (current == null) {
            return;
        }
        boolean fullTail = current.queue().keepsNewest() && rows.size() >= maxRows.get();
        if (fullTail && running.get() && System.nanoTime() - lastTailMove < FULL_TAIL_MOVES_EVERY_NANOS) {
            return;
        }
        List<DecodedRecord> arrived = current.queue().takeAll();
        if (arrived.isEmpty()) {
            return;
        }
        int room = maxRows.get() - rows.size();
        if (arrived.size() <= room) {
            rows.addAll(arrived);
        } else if (current.queue().keepsNewest()) {
            rows.setAll(newestRows(arrived));
            lastTailMove = System.nanoTime();
        } else if (room > 0) {
            rows.addAll(arrived.subList(0, room));
        }
    }

    /** Reads the running figures; the view calls it every ~250 ms. */
    public void refreshFigures() {
        if (current == null) {
            return;
        }
        ScanProgress now = current.progress().get();
        figures.set(now.summary());
        shownText.set(current.mode() == BrowseMode.NEWEST && running.get()
                ? String.format("reading the newest %,d of each partition…", newestCount.get())
                : shownText(current.mode(), rows.size(), now.matched()));
    }

    /** "Newest 100" when the tab is first shown, so it opens with something to look at. */
    public void showFirstTime() {
        if (current == null && !running.get() && !topic.get().isEmpty()) {
            start();
        }
    }

    // The rest

    /** The request the form describes (not for the live tail). Throws with a message for a person when it is incomplete. */
    ScanRequest scanRequest(RecordFilter recordFilter) {
        List<Integer> partitions = partition.get() == null ? List.of() : List.of(partition.get());
        ScanRequest request = new ScanRequest(topic.get(), partitions, null, null, readCommitted.get(), recordFilter, 0);
        return switch (mode.get()) {
            case NEWEST -> request.from(new StartAt.Newest(positive(newestCount.get())));
            case FROM_OFFSET -> request.from(new StartAt.Offset(offset(fromOffset.get())));
            case FROM_TIME -> request.from(new StartAt.Time(TimeInput.parse(fromTime.get(), "a start time", zone)));
            case BETWEEN_TIMES -> between(request);
            case LIVE_TAIL -> throw new IllegalStateException("A live tail is not a scan");
        };
    }

    private ScanRequest between(ScanRequest request) {
        var from = TimeInput.parse(fromTime.get(), "a start time", zone);
        var until = TimeInput.parse(untilTime.get(), "an end time", zone);
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("The end time must be after the start time.");
        }
        return request.from(new StartAt.Time(from)).until(until);
    }

    private Run startScan(MessageSource from, ScanRequest request) {
        MatchQueue queue = new MatchQueue(maxRows.get(), false);
        // The table keeps the first rows only; the matches after them are counted, not decoded.
        ScanHandle handle = TopicScan.start(from.clientConfig(), from.decoder(), request.handOver(maxRows.get()),
                queue::offer, pace);
        Run run = new Run(mode.get(), queue, handle::progress, handle::cancel);
        export.rememberSearch(from, request);
        handle.completion().thenAcceptAsync(summary -> scanEnded(run, summary), ui);
        return run;
    }

    private Run startTail(MessageSource from, RecordFilter recordFilter) {
        MatchQueue queue = new MatchQueue(maxRows.get(), true);
        List<Integer> partitions = partition.get() == null ? List.of() : List.of(partition.get());
        LiveTail tail = LiveTail.start(from.clientConfig(), from.decoder(), topic.get(), partitions, readCommitted.get(),
                recordFilter, queue::offer, pace);
        Run run = new Run(BrowseMode.LIVE_TAIL, queue, tail::progress, tail::close);
        export.forgetSearch();
        tail.stopped().thenAcceptAsync(why -> ended(run, why), ui);
        return run;
    }

    private void scanEnded(Run run, ScanSummary summary) {
        if (run != current) {
            return;
        }
        drain();
        if (run.mode() == BrowseMode.NEWEST) {
            // Each partition gave its newest N; across partitions the newest N by time are what was asked for.
            rows.setAll(rows.stream().sorted(Comparator.comparingLong(DecodedRecord::timestamp).reversed())
                    .limit(newestCount.get()).toList());
        }
        ended(run, summary.problem());
    }

    private void ended(Run run, String why) {
        if (run != current) {
            return;
        }
        running.set(false);
        drain();
        refreshFigures();
        problem.set(why == null ? "" : why);
    }

    private List<DecodedRecord> newestRows(List<DecodedRecord> arrived) {
        int max = maxRows.get();
        List<DecodedRecord> all = new java.util.ArrayList<>(rows);
        all.addAll(arrived);
        return all.subList(Math.max(0, all.size() - max), all.size());
    }

    static String shownText(BrowseMode mode, int shown, long matched) {
        if (mode == BrowseMode.NEWEST) {
            return String.format("showing the newest %,d records", shown);
        }
        if (matched <= shown) {
            return String.format("%,d %s", matched, matched == 1 ? "match" : "matches");
        }
        return String.format("showing %s %,d of %,d matches", mode == BrowseMode.LIVE_TAIL ? "newest" : "first", shown, matched);
    }

    private void topicChanged() {
        stop();
        current = null;
        running.set(false);
        rows.clear();
        figures.set("");
        shownText.set("");
        problem.set("");
        formProblem.set("");
        detail.show(null);
    }

    private static int positive(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("Newest N needs a number above 0.");
        }
        return count;
    }

    private static long offset(String text) {
        try {
            long offset = Long.parseLong(text.trim().replace(",", "").replace("_", ""));
            if (offset < 0) {
                throw new NumberFormatException();
            }
            return offset;
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("The offset must be a whole number, 0 or more.");
        }
    }
}
