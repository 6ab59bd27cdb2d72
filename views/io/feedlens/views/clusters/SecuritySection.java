package io.feedlens.views.clusters;

import io.feedlens.app.cluster.ConnectionSecurity;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;

/**
 * The profile form's security part: protocol and SASL mechanism, user and password, trust- and keystore, and the
 * passphrase that unlocks stored secrets. Only builds controls and binds them to {@link ClustersViewModel}.
 */
final class SecuritySection extends TitledPane {

    private static final String REFERENCE_HINT = "password, or ${env:NAME} / ${file:/path:key}";

    SecuritySection(ClustersViewModel model) {
        SecurityForm form = model.security();
        setText("Security");
        setId("security-section");
        setExpanded(false);

        ComboBox<String> protocol = choices("security-protocol", ConnectionSecurity.PROTOCOLS);
        protocol.valueProperty().bindBidirectional(form.protocolProperty());
        ComboBox<String> mechanism = choices("sasl-mechanism", ConnectionSecurity.MECHANISMS);
        mechanism.valueProperty().bindBidirectional(form.mechanismProperty());
        mechanism.disableProperty().bind(form.usesSasl().not());
        TextField user = text("sasl-username", "user name", form.usernameProperty());
        user.disableProperty().bind(form.usesSasl().not());
        PasswordField password = secret("sasl-password", REFERENCE_HINT, form.passwordProperty());
        password.disableProperty().bind(form.usesSasl().not());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.getColumnConstraints().addAll(new ColumnConstraints(130), new ColumnConstraints(200, 480, Double.MAX_VALUE));
        grid.addRow(0, new Label("Protocol"), protocol);
        grid.addRow(1, new Label("SASL mechanism"), mechanism);
        grid.addRow(2, new Label("User"), user);
        grid.addRow(3, new Label("Password"), password);
        grid.addRow(4, new Label("Truststore"), store("truststore", form.truststorePathProperty(), form.truststorePasswordProperty()));
        grid.addRow(5, new Label("Keystore (mTLS)"), store("keystore", form.keystorePathProperty(), form.keystorePasswordProperty()));
        grid.addRow(6, new Label("Key password"), secret("key-password", REFERENCE_HINT, form.keyPasswordProperty()));
        grid.addRow(7, new Label("Stored secrets"), unlockRow(model));
        grid.add(secretStoreState(model), 1, 8);
        setContent(grid);
    }

    private static HBox store(String id, javafx.beans.property.StringProperty path, javafx.beans.property.StringProperty password) {
        TextField file = text(id + "-path", "/path/to/" + id + ".p12", path);
        PasswordField secret = secret(id + "-password", "its password or a reference", password);
        Button browse = new Button("…");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose the " + id);
            java.io.File chosen = chooser.showOpenDialog(browse.getScene().getWindow());
            if (chosen != null) {
                path.set(chosen.getAbsolutePath());
            }
        });
        HBox.setHgrow(file, Priority.ALWAYS);
        return new HBox(6, file, browse, secret);
    }

    private static HBox unlockRow(ClustersViewModel model) {
        PasswordField passphrase = secret("passphrase", "passphrase (kept in memory only)", model.passphraseProperty());
        Button unlock = new Button("Unlock");
        unlock.setId("unlock-secrets");
        unlock.setOnAction(e -> model.unlockSecrets());
        passphrase.setOnAction(e -> model.unlockSecrets());
        HBox.setHgrow(passphrase, Priority.ALWAYS);
        return new HBox(6, passphrase, unlock);
    }

    private static Label secretStoreState(ClustersViewModel model) {
        Label state = new Label();
        state.setId("secret-store-state");
        state.getStyleClass().add("text-muted");
        state.setWrapText(true);
        state.textProperty().bind(model.secretStoreProperty());
        return state;
    }

    private static ComboBox<String> choices(String id, java.util.List<String> values) {
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(values));
        box.setId(id);
        box.setEditable(true);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static TextField text(String id, String prompt, javafx.beans.property.StringProperty bound) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(bound);
        return field;
    }

    private static PasswordField secret(String id, String prompt, javafx.beans.property.StringProperty bound) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(bound);
        return field;
    }
}
