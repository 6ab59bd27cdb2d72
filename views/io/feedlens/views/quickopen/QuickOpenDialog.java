package io.feedlens.views.quickopen;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;

/** The quick-open box: type, move with ↑/↓, open with Enter, leave with Esc (or by clicking elsewhere). */
public final class QuickOpenDialog {

    private final QuickOpenViewModel model;
    private final Stage stage = new Stage(StageStyle.UNDECORATED);
    private final TextField query = new TextField();
    private final ListView<QuickOpenViewModel.Entry> results;

    public QuickOpenDialog(QuickOpenViewModel model, Window owner) {
        this.model = model;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        query.setId("quick-open-query");
        query.setPromptText("Screen, action, topic, group or decision id…");
        query.textProperty().bindBidirectional(model.queryProperty());
        results = new ListView<>(model.results());
        results.setId("quick-open-results");
        results.setCellFactory(list -> new EntryCell());
        results.setFocusTraversable(false);
        results.setPrefHeight(320);
        results.setOnMouseClicked(e -> openSelected());
        model.results().addListener((javafx.collections.ListChangeListener<QuickOpenViewModel.Entry>) change -> {
            if (!model.results().isEmpty() && results.getSelectionModel().getSelectedIndex() < 0) {
                results.getSelectionModel().select(0);
            }
        });
        VBox box = new VBox(8, query, results);
        box.getStyleClass().add("quick-open");
        box.setPadding(new Insets(10));
        box.setPrefWidth(560);
        box.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        Scene scene = new Scene(box);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                stage.hide();
            }
        });
    }

    /** Shows the box over the top middle of its window, empty, with the known entries listed. */
    public void show() {
        model.queryProperty().set("");
        model.update();
        results.getSelectionModel().select(0);
        Window owner = stage.getOwner();
        stage.setX(owner.getX() + (owner.getWidth() - 560) / 2);
        stage.setY(owner.getY() + 80);
        stage.show();
        query.requestFocus();
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    private void keyPressed(KeyEvent event) {
        switch (event.getCode()) {
            case DOWN -> move(1);
            case UP -> move(-1);
            case ENTER -> openSelected();
            case ESCAPE -> stage.hide();
            default -> {
                return;
            }
        }
        event.consume();
    }

    private void move(int by) {
        int size = model.results().size();
        if (size > 0) {
            int at = Math.floorMod(results.getSelectionModel().getSelectedIndex() + by, size);
            results.getSelectionModel().select(at);
            results.scrollTo(at);
        }
    }

    private void openSelected() {
        QuickOpenViewModel.Entry chosen = results.getSelectionModel().getSelectedItem();
        if (chosen != null) {
            stage.hide();
            model.open(chosen);
        }
    }

    /** The kind in a muted word on the left, the name beside it. */
    private static final class EntryCell extends ListCell<QuickOpenViewModel.Entry> {
        @Override
        protected void updateItem(QuickOpenViewModel.Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label kind = new Label(entry.kind());
            kind.getStyleClass().addAll("quick-open-kind", "text-muted");
            kind.setMinWidth(Region.USE_PREF_SIZE);
            kind.setPrefWidth(80);
            Label name = new Label(entry.name());
            HBox.setHgrow(name, Priority.ALWAYS);
            setText(null);
            setGraphic(new HBox(8, kind, name));
        }
    }
}
