package io.feedlens.app.secrets;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.config.ConfigData;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.provider.ConfigProvider;

/**
 * Kafka's config providers for FeedLens's encrypted secrets: a client configured with
 * {@code config.providers=feedlens} turns {@code ${feedlens:v1.…}} into the secret while it is being built, with the
 * key of the vault unlocked in this process. The plain value never passes through FeedLens's own maps.
 */
public final class EncryptedSecretProvider implements ConfigProvider {

    @Override
    public void configure(Map<String, ?> configs) {
        // The key comes from the unlocked vault, never from configuration.
    }

    @Override
    public ConfigData get(String path) {
        return new ConfigData(Map.of());
    }

    @Override
    public ConfigData get(String path, Set<String> keys) {
        SecretVault vault = SecretVault.current();
        if (vault == null) {
            throw new ConfigException("This connection holds encrypted secrets: unlock them with your passphrase first.");
        }
        Map<String, String> plain = new HashMap<>();
        for (String sealed : keys) {
            plain.put(sealed, vault.decrypt(sealed));
        }
        return new ConfigData(plain);
    }

    @Override
    public void close() {
    }
}
