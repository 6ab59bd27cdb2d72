package io.feedlens.views.shell;

import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import org.kordamp.ikonli.feather.Feather;

/** A "Recent" button listing what was used last (filters, decision ids), newest first; choosing one uses it again. */
public final class RecentMenu {

    private RecentMenu() {
    }

    public static MenuButton of(String id, ObservableList<String> recent, Consumer<String> use) {
        MenuButton button = Icons.on(new MenuButton("Recent"), Feather.CLOCK);
        button.setId(id);
        button.disableProperty().bind(Bindings.isEmpty(recent));
        Runnable fill = () -> button.getItems().setAll(recent.stream().map(text -> {
            MenuItem item = new MenuItem(text);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> use.accept(text));
            return item;
        }).toList());
        // The list may be filled from the kept state before this button exists.
        fill.run();
        recent.addListener((ListChangeListener<String>) change -> fill.run());
        return button;
    }
}
