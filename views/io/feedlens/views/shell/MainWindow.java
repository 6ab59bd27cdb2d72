package io.feedlens.views.shell;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The window's frame: navigation on the left, the chosen screen in the middle, the status bar at the bottom.
 */
public final class MainWindow extends BorderPane {

    private final ToggleGroup navigation = new ToggleGroup();
    private final Map<String, ToggleButton> buttons = new LinkedHashMap<>();
    private final VBox navigationBar = new VBox(4);
    private final Map<String, Supplier<? extends Node>> builders = new LinkedHashMap<>();
    private final Map<String, Node> built = new LinkedHashMap<>();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);

    /** FeedLens's icon, for the window's title bar and task switcher (the packages use the same picture). */
    public static Image icon() {
        return new Image(MainWindow.class.getResource("feedlens.png").toExternalForm());
    }

    public MainWindow(StatusBar statusBar) {
        getStyleClass().add("main-window");
        Label brand = new Label("FeedLens");
        brand.getStyleClass().add("brand");
        navigationBar.getStyleClass().add("navigation");
        navigationBar.setPadding(new Insets(14, 10, 14, 10));
        navigationBar.setPrefWidth(240);
        navigationBar.getChildren().add(brand);
        setLeft(navigationBar);
        setBottom(statusBar);
        // A screen stays selected: clicking the selected button again must not leave the window empty.
        navigation.selectedToggleProperty().addListener((o, before, now) -> {
            if (now == null && before != null) {
                before.setSelected(true);
            }
        });
    }

    /**
     * Adds a screen to the navigation; the first one added is shown. A screen is built when first shown (or by
     * {@link #buildRemainingScreens()}), so the window does not wait for screens nobody has opened yet.
     */
    public void addScreen(String title, Supplier<? extends Node> screen) {
        builders.put(title, screen);
        ToggleButton button = navigationButton(title);
        button.setOnAction(e -> setCenter(screen(title)));
        if (navigation.getSelectedToggle() == null) {
            button.setSelected(true);
            setCenter(screen(title));
        }
    }

    /** The screen with this title, built now if it was not yet; null for an unknown title. */
    public Node screen(String title) {
        Supplier<? extends Node> builder = builders.get(title);
        return builder == null ? null : built.computeIfAbsent(title, t -> builder.get());
    }

    /** The screens' titles, in navigation order. */
    public List<String> screenTitles() {
        return List.copyOf(builders.keySet());
    }

    /** The title of the screen shown. */
    public String shownScreen() {
        return buttons.entrySet().stream().filter(e -> e.getValue().isSelected()).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** The screens built so far. */
    public Collection<Node> builtScreens() {
        return List.copyOf(built.values());
    }

    /**
     * Builds the screens not opened yet, one per pulse, so the window keeps painting and later clicks are instant;
     * completes when the last one is built.
     */
    public CompletableFuture<Void> buildRemainingScreens() {
        Deque<String> waiting = new ArrayDeque<>(builders.keySet());
        waiting.removeAll(built.keySet());
        CompletableFuture<Void> done = new CompletableFuture<>();
        buildNext(waiting, done);
        return done;
    }

    private void buildNext(Deque<String> waiting, CompletableFuture<Void> done) {
        String next = waiting.poll();
        if (next == null) {
            done.complete(null);
            return;
        }
        Platform.runLater(() -> {
            screen(next);
            buildNext(waiting, done);
        });
    }

    /** Shows the screen with this title, as a click on its navigation button would. */
    public void show(String title) {
        ToggleButton button = buttons.get(title);
        if (button != null && !button.isDisable()) {
            button.fire();
        }
    }

    private ToggleButton navigationButton(String title) {
        ToggleButton button = new ToggleButton(title);
        button.setId("nav-" + title.toLowerCase().replaceAll("[^a-z]+", "-"));
        button.setToggleGroup(navigation);
        button.setMaxWidth(Double.MAX_VALUE);
        button.getStyleClass().add("nav-button");
        Icons.onScreenButton(button, title);
        button.setGraphicTextGap(10);
        buttons.put(title, button);
        navigationBar.getChildren().add(button);
        return button;
    }

    /** Fills the navigation bar's remaining height so its buttons stay at the top; the theme switch goes last. */
    public void finishNavigation() {
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Button themeSwitch = new Button();
        themeSwitch.setId("theme-switch");
        themeSwitch.getStyleClass().addAll("theme-switch", "flat");
        themeSwitch.setMaxWidth(Double.MAX_VALUE);
        themeSwitch.setOnAction(e -> theme.set(theme.get().other()));
        Runnable label = () -> {
            Theme next = theme.get().other();
            themeSwitch.setText(next.word() + " theme");
            Icons.on(themeSwitch, next == Theme.DARK ? Feather.MOON : Feather.SUN);
        };
        label.run();
        theme.addListener((o, before, now) -> {
            now.apply();
            label.run();
        });
        navigationBar.getChildren().addAll(spacer, themeSwitch);
    }

    /** The look of every FeedLens window; setting it switches at once. Starts light. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }
}
