package io.feedlens.app.decode.registry;


import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import io.feedlens.app.decode.registry.RegistrySettings.StoreFile;

/** The TLS context for https registries, from the truststore and keystore in the settings. */
final class RegistryTls {

    private RegistryTls() {
    }

    /** The JDK's default context when neither store is set, so public CAs keep working. */
    static SSLContext context(RegistrySettings settings) {
        if (settings.truststore().isEmpty() && settings.keystore().isEmpty()) {
            try {
                return SSLContext.getDefault();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The JDK has no default TLS context: " + e.getMessage(), e);
            }
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(settings.keystore()), trustManagers(settings.truststore()), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("TLS for the schema registry could not be set up: " + e.getMessage(), e);
        }
    }

    private static TrustManager[] trustManagers(Optional<StoreFile> truststore) throws GeneralSecurityException {
        if (truststore.isEmpty()) {
            return null; // null tells SSLContext.init to use the JDK's cacerts
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(load(truststore.get(), "truststore"));
        return factory.getTrustManagers();
    }

    private static KeyManager[] keyManagers(Optional<StoreFile> keystore) throws GeneralSecurityException {
        if (keystore.isEmpty()) {
            return null;
        }
        StoreFile store = keystore.get();
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(load(store, "keystore"), chars(store.keyPassword().orElse(store.password())));
        return factory.getKeyManagers();
    }

    private static KeyStore load(StoreFile store, String role) throws GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance(store.type());
        try (InputStream in = Files.newInputStream(store.path())) {
            keyStore.load(in, chars(store.password()));
            return keyStore;
        } catch (IOException e) {
            // The JDK's messages here ("keystore password was incorrect", "no such file") hold no secret.
            throw new IllegalArgumentException("The schema registry " + role + " " + store.path() + " ("
                    + store.type() + ") could not be read: " + e.getMessage()
                    + ". Check the path, the type and the password.", e);
        }
    }

    private static char[] chars(String password) {
        return password == null ? null : password.toCharArray();
    }
}
