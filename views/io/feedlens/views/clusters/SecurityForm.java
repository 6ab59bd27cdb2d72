package io.feedlens.views.clusters;

import io.feedlens.app.cluster.ConnectionSecurity;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The security section of the profile form as properties: protocol, SASL mechanism, user and password, trust- and
 * keystore. A password may be typed plainly (it is then stored encrypted) or as a reference ({@code ${env:NAME}}).
 */
public final class SecurityForm {

    private final StringProperty protocol = new SimpleStringProperty("");
    private final StringProperty mechanism = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty truststorePath = new SimpleStringProperty("");
    private final StringProperty truststorePassword = new SimpleStringProperty("");
    private final StringProperty keystorePath = new SimpleStringProperty("");
    private final StringProperty keystorePassword = new SimpleStringProperty("");
    private final StringProperty keyPassword = new SimpleStringProperty("");

    // Properties

    public StringProperty protocolProperty() {
        return protocol;
    }

    public StringProperty mechanismProperty() {
        return mechanism;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty truststorePathProperty() {
        return truststorePath;
    }

    public StringProperty truststorePasswordProperty() {
        return truststorePassword;
    }

    public StringProperty keystorePathProperty() {
        return keystorePath;
    }

    public StringProperty keystorePasswordProperty() {
        return keystorePassword;
    }

    public StringProperty keyPasswordProperty() {
        return keyPassword;
    }

    /** Whether the protocol signs in with SASL, so the mechanism, user and password mean something. */
    public BooleanBinding usesSasl() {
        return Bindings.createBooleanBinding(() -> text(protocol).startsWith("SASL_"), protocol);
    }

    /** Whether the protocol speaks TLS, so the stores mean something. */
    public BooleanBinding usesTls() {
        return Bindings.createBooleanBinding(() -> text(protocol).endsWith("SSL"), protocol);
    }

    // Commands

    void fill(ConnectionSecurity security) {
        protocol.set(security.protocol());
        mechanism.set(security.mechanism());
        username.set(security.username());
        password.set(security.password());
        truststorePath.set(security.truststorePath());
        truststorePassword.set(security.truststorePassword());
        keystorePath.set(security.keystorePath());
        keystorePassword.set(security.keystorePassword());
        keyPassword.set(security.keyPassword());
    }

    ConnectionSecurity read() {
        return new ConnectionSecurity(text(protocol), text(mechanism), text(username), text(password), text(truststorePath),
                text(truststorePassword), text(keystorePath), text(keystorePassword), text(keyPassword));
    }

    private static String text(StringProperty property) {
        return property.get() == null ? "" : property.get();
    }
}
