package io.feedlens.views.quickopen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

import io.feedlens.app.Background;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Ctrl+K: one box that finds a screen, an action, a topic, a consumer group or a decision id by a few letters of it.
 * Screens, actions, topics and groups are in memory and match at once; decision ids come from the lineage index,
 * off the FX thread, and join the list when they arrive (unless the query changed meanwhile).
 */
public final class QuickOpenViewModel {

    static final int SHOWN = 50;

    /** Something quick-open can open: its kind in a word ("Topic"), its name, and what opening it does. */
    public record Entry(String kind, String name, Runnable open) {

        String searchable() {
            return (kind + " " + name).toLowerCase(Locale.ROOT);
        }
    }

    private final Supplier<List<Entry>> known;
    private final Function<String, List<Entry>> looked;
    private final Executor ui;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<Entry> results = FXCollections.observableArrayList();
    private long generation;

    /**
     * @param known  what is in memory now (screens, actions, topics, groups), asked again on every change of the query
     * @param looked what must be looked up for a query (decision ids); runs in the background
     */
    public QuickOpenViewModel(Supplier<List<Entry>> known, Function<String, List<Entry>> looked, Executor ui) {
        this.known = known;
        this.looked = looked;
        this.ui = ui;
        query.addListener((o, before, now) -> update());
    }

    public StringProperty queryProperty() { return query; }

    /** The entries matching every word of the query, best first: names starting with it, then with one of its words. */
    public ObservableList<Entry> results() { return results; }

    /** Fills the results for the current query (also when the dialog opens, for what is known by then). */
    public void update() {
        long thisQuery = ++generation;
        String wanted = query.get().trim();
        results.setAll(best(known.get(), wanted));
        if (wanted.length() >= 2) {
            Background.supply(() -> looked.apply(wanted)).thenAcceptAsync(found -> {
                if (thisQuery == generation && !found.isEmpty()) {
                    List<Entry> merged = new ArrayList<>(results);
                    found.stream().filter(entry -> merged.stream().noneMatch(shown -> shown.searchable().equals(entry.searchable())))
                            .forEach(merged::add);
                    results.setAll(best(merged, wanted));
                }
            }, ui);
        }
    }

    /** Opens the entry; false when there is nothing to open. */
    public boolean open(Entry entry) {
        if (entry == null) {
            return false;
        }
        entry.open().run();
        return true;
    }

    static List<Entry> best(List<Entry> entries, String query) {
        String lower = query.toLowerCase(Locale.ROOT);
        List<String> words = Arrays.stream(lower.split("\\s+")).filter(w -> !w.isEmpty()).toList();
        return entries.stream()
                .filter(entry -> words.stream().allMatch(entry.searchable()::contains))
                .sorted(Comparator.comparingInt((Entry entry) -> rank(entry.name().toLowerCase(Locale.ROOT), lower, words)))
                .limit(SHOWN)
                .toList();
    }

    /** 0 when the name starts with the whole query, 1 when it starts with one of its words ("topic pay"), else 2. */
    private static int rank(String name, String query, List<String> words) {
        if (name.startsWith(query)) {
            return 0;
        }
        return words.stream().anyMatch(name::startsWith) ? 1 : 2;
    }
}
