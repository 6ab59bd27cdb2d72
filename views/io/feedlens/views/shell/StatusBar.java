package io.feedlens.views.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The line at the bottom of the window: the connection state in a word and a coloured dot (never colour alone),
 * what the connection is doing, and on the right what the demo feed has written.
 */
public final class StatusBar extends HBox {

    private final StringProperty feedSummary = new SimpleStringProperty("");

    public StatusBar(ActiveCluster cluster) {
        super(10);
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 12, 4, 12));

        Label state = new Label();
        state.setId("status-state");
        state.textProperty().bind(Bindings.createStringBinding(() -> "● " + word(cluster.stateProperty().get()),
                cluster.stateProperty()));
        cluster.stateProperty().addListener((o, before, now) -> {
            state.getStyleClass().removeAll("state-" + before.name().toLowerCase());
            state.getStyleClass().add("state-" + now.name().toLowerCase());
        });
        state.getStyleClass().addAll("status-state", "state-disconnected");

        Label message = new Label();
        message.setId("status-message");
        message.textProperty().bind(cluster.messageProperty());

        Hyperlink details = new Hyperlink("Details…");
        details.setId("status-details");
        details.visibleProperty().bind(cluster.detailsProperty().isNotEmpty());
        details.managedProperty().bind(details.visibleProperty());
        details.setOnAction(e -> showDetails(message.getText(), cluster.detailsProperty().get()));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label feed = new Label();
        feed.setId("status-feed");
        feed.getStyleClass().add("text-muted");
        feed.textProperty().bind(feedSummary);
        getChildren().addAll(state, message, details, spacer, feed);
    }

    /** The short message first; the causes, selectable for copying, in the expandable part. */
    private void showDetails(String summary, String causes) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, summary);
        alert.initOwner(getScene() == null ? null : getScene().getWindow());
        alert.setTitle("Connection failed");
        alert.setHeaderText("The connection failed");
        TextArea text = new TextArea(causes + "\n\nFeedLens's log: " + System.getProperty(io.feedlens.app.DataFolder.PROPERTY, "the data folder")
                + "/logs/feedlens.log");
        text.setId("status-details-text");
        text.setEditable(false);
        text.setWrapText(true);
        alert.getDialogPane().setExpandableContent(text);
        alert.getDialogPane().setExpanded(true);
        alert.show();
    }

    /** What the demo feed has written so far; empty when no demo feed runs. */
    public StringProperty feedSummaryProperty() {
        return feedSummary;
    }

    static String word(ActiveCluster.State state) {
        return switch (state) {
            case DISCONNECTED -> "Not connected";
            case CONNECTING -> "Connecting";
            case CONNECTED -> "Connected";
            case FAILED -> "Connection failed";
        };
    }
}
