package io.feedlens.views;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.feedlens.views.messages.MessageTable;
import io.feedlens.views.quickopen.QuickOpenDialog;
import io.feedlens.views.quickopen.QuickOpenViewModel;
import io.feedlens.views.quickopen.QuickOpenViewModel.Entry;
import io.feedlens.views.shell.ActiveCluster;
import io.feedlens.views.shell.MainWindow;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The window's keyboard: a shortcut for each main action and Ctrl+K to reach any screen, action, topic, group or
 * decision by name. {@link #LIST} is what the README and the quick-open's actions say.
 */
final class Shortcuts {

    static final String LIST = "Ctrl+K quick-open · Ctrl+1…6 screens · Ctrl+Shift+C connect · Ctrl+F search messages · "
            + "Ctrl+T trace · F3 / Shift+F3 next / previous match · Ctrl+C copy the selected rows · Ctrl+Shift+L light/dark";

    private final Workbench workbench;
    private final MainWindow window;
    private final Scene scene;
    private QuickOpenViewModel quickOpenModel;
    private QuickOpenDialog quickOpen;

    private Shortcuts(Workbench workbench, Scene scene) {
        this.workbench = workbench;
        this.window = workbench.window();
        this.scene = scene;
    }

    static void install(Workbench workbench, Scene scene) {
        new Shortcuts(workbench, scene).install();
    }

    private void install() {
        var keys = scene.getAccelerators();
        keys.put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), this::quickOpen);
        keys.put(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), this::connect);
        keys.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), this::search);
        keys.put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), this::trace);
        keys.put(new KeyCodeCombination(KeyCode.F3), () -> nextMatch(1));
        keys.put(new KeyCodeCombination(KeyCode.F3, KeyCombination.SHIFT_DOWN), () -> nextMatch(-1));
        keys.put(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN), this::copy);
        keys.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), this::switchTheme);
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5, KeyCode.DIGIT6};
        List<String> screens = window.screenTitles();
        for (int i = 0; i < Math.min(digits.length, screens.size()); i++) {
            String title = screens.get(i);
            keys.put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN), () -> window.show(title));
        }
    }

    void quickOpen() {
        if (quickOpen == null) {
            quickOpenModel = new QuickOpenViewModel(this::knownEntries, this::decisions, FxThread.INSTANCE);
            quickOpen = new QuickOpenDialog(quickOpenModel, scene.getWindow());
        }
        quickOpen.show();
        // The topic list fills when the Topics screen first loads it: ask now, and list the topics when they arrive.
        if (workbench.activeCluster().stateProperty().get() == ActiveCluster.State.CONNECTED && workbench.topics().topics().isEmpty()) {
            workbench.topics().refresh().thenRunAsync(quickOpenModel::update, FxThread.INSTANCE);
        }
    }

    private List<Entry> knownEntries() {
        List<Entry> entries = new ArrayList<>();
        window.screenTitles().forEach(title -> entries.add(new Entry("Screen", title, () -> window.show(title))));
        entries.add(new Entry("Action", "Connect (Ctrl+Shift+C)", this::connect));
        entries.add(new Entry("Action", "Start demo cluster", () -> {
            window.show("Clusters");
            workbench.clusters().startDemo();
        }));
        entries.add(new Entry("Action", "Search messages (Ctrl+F)", this::search));
        entries.add(new Entry("Action", "Trace a decision (Ctrl+T)", this::trace));
        entries.add(new Entry("Action", "Switch to the " + window.themeProperty().get().other().word().toLowerCase() + " theme (Ctrl+Shift+L)",
                this::switchTheme));
        workbench.topics().topics().forEach(topic -> entries.add(new Entry("Topic", topic.name(), () -> {
            window.show("Topics");
            workbench.topics().selectedProperty().set(topic);
        })));
        workbench.groups().groups().forEach(group -> entries.add(new Entry("Group", group.groupId(), () -> {
            window.show("Consumer groups");
            workbench.groups().select(group.groupId());
        })));
        return entries;
    }

    /** Decision ids starting with what was typed, from the connected cluster's lineage index (background thread). */
    private List<Entry> decisions(String prefix) {
        return workbench.trace().completions(prefix).stream().map(id -> new Entry("Decision", id, () -> {
            window.show("Trace");
            workbench.trace().trace(id);
        })).toList();
    }

    private void connect() {
        window.show("Clusters");
        workbench.clusters().connect();
    }

    /** The Messages tab's filter when a topic is open, else the topic filter to find one. */
    private void search() {
        window.show("Topics");
        if (workbench.topics().selectedProperty().get() != null) {
            workbench.showTopicTab("Messages");
        }
        focusSoon(workbench.topics().selectedProperty().get() != null ? "#cel-filter" : "#topic-filter");
    }

    private void trace() {
        window.show("Trace");
        focusSoon("#trace-decision-id");
    }

    private void switchTheme() {
        window.themeProperty().set(window.themeProperty().get().other());
    }

    /** Moves the Messages table's choice to the next (or previous) match, which shows that record beside it. */
    private void nextMatch(int by) {
        if (scene.lookup("#message-table") instanceof MessageTable table && table.isVisible() && table.getScene() != null) {
            table.chooseNext(by);
            table.requestFocus();
        }
    }

    /** Ctrl+C in a table copies its selected rows as tab-separated text, as shown (text fields copy their own way). */
    private void copy() {
        Node focused = scene.getFocusOwner();
        if (focused instanceof TextInputControl) {
            ((TextInputControl) focused).copy();
        } else if (focused instanceof TableView || focused instanceof MessageTable) {
            String rows = focused instanceof MessageTable messages ? messages.chosenRowText() : selectedRows((TableView<?>) focused);
            if (!rows.isEmpty()) {
                ClipboardContent content = new ClipboardContent();
                content.putString(rows);
                Clipboard.getSystemClipboard().setContent(content);
            }
        }
    }

    static <S> String selectedRows(TableView<S> table) {
        List<TableColumn<S, ?>> columns = table.getVisibleLeafColumns();
        return table.getSelectionModel().getSelectedIndices().stream()
                .map(row -> columns.stream().map(column -> {
                    Object value = column.getCellData(row);
                    return value == null ? "" : value.toString();
                }).collect(Collectors.joining("\t")))
                .collect(Collectors.joining("\n"));
    }

    /** Focuses a field once the screen just shown has been laid out (tabs and split panes add their parts then). */
    private void focusSoon(String selector) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Node field = scene.lookup(selector);
            if (field != null) {
                field.requestFocus();
                if (field instanceof TextInputControl) {
                    ((TextInputControl) field).selectAll();
                }
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }
}
