package io.feedlens.views.clusters;

import io.feedlens.views.FxThread;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The small window that asks for the passphrase at start; closing it is a Skip. Only builds controls and binds them. */
public final class StartUnlockView {

    private StartUnlockView() {
    }

    /** Shows the prompt over {@code owner}; it closes itself once the model is answered. */
    public static Stage show(StartUnlockViewModel model, Window owner) {
        Label why = new Label("Some saved connections keep their passwords encrypted. Give the passphrase to use them; "
                + "it is kept in memory only, never written to disk.");
        why.setWrapText(true);
        PasswordField passphrase = new PasswordField();
        passphrase.setId("start-passphrase");
        passphrase.setPromptText("passphrase");
        passphrase.textProperty().bindBidirectional(model.passphraseProperty());
        passphrase.disableProperty().bind(model.busyProperty());
        passphrase.setOnAction(e -> model.unlock());
        Label message = new Label();
        message.setId("start-passphrase-message");
        message.getStyleClass().add("problem");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        // The problem style paints a box: shown only when there is something to say.
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        Button unlock = new Button("Unlock");
        unlock.setId("start-unlock");
        unlock.setDefaultButton(true);
        unlock.disableProperty().bind(model.busyProperty());
        unlock.setOnAction(e -> model.unlock());
        Button skip = new Button("Skip");
        skip.setId("start-skip");
        skip.setCancelButton(true);
        skip.setOnAction(e -> model.skip());

        VBox root = new VBox(10, why, passphrase, message, new HBox(8, unlock, skip));
        root.setPadding(new Insets(16));
        root.setPrefWidth(420);
        Stage stage = new Stage();
        stage.setTitle("Unlock stored secrets");
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> model.skip());
        // On the FX thread by name: a plain thenRun runs on whichever thread finds the future done first, and a test
        // waiting in answered().get() sometimes took the close, which then failed off the FX thread and left the prompt up.
        model.answered().thenRunAsync(stage::close, FxThread.INSTANCE);
        stage.show();
        passphrase.requestFocus();
        return stage;
    }
}
