package io.feedlens.views.shell;

import java.util.LinkedHashMap;
import java.util.Map;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The window's frame: navigation on the left, the chosen screen in the middle, the status bar at the bottom.
 */
public final class MainWindow extends BorderPane {

    private final ToggleGroup navigation = new ToggleGroup();
    private final Map<String, ToggleButton> buttons = new LinkedHashMap<>();
    private final VBox navigationBar = new VBox(4);

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

    /** Adds a screen to the navigation; the first one added is shown. */
    public void addScreen(String title, Node screen) {
        ToggleButton button = navigationButton(title);
        button.setOnAction(e -> setCenter(screen));
        if (navigation.getSelectedToggle() == null) {
            button.setSelected(true);
            setCenter(screen);
        }
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
        buttons.put(title, button);
        navigationBar.getChildren().add(button);
        return button;
    }

    /** Fills the navigation bar's remaining height so its buttons stay at the top. */
    public void finishNavigation() {
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        navigationBar.getChildren().add(spacer);
    }
}
