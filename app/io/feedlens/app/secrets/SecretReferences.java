package io.feedlens.app.secrets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.common.config.provider.EnvVarConfigProvider;
import org.apache.kafka.common.config.provider.FileConfigProvider;

/**
 * Which client properties hold secrets, whether a secret is kept as a reference ({@code ${env:NAME}},
 * {@code ${file:/path:key}}, {@code ${feedlens:…}}) or in plain text, and how references are resolved: by Kafka's own
 * config providers, inside the Kafka clients, only when they connect.
 */
public final class SecretReferences {

    /** What a secret shows as wherever a person could read it: screens, logs, exports. */
    public static final String HIDDEN = "[hidden]";

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{[^}:]+:[^}]*}");
    /** The secret fields inside a JAAS configuration: {@code password="…"}, OAuth's {@code clientSecret="…"}. */
    private static final Pattern JAAS_SECRET = Pattern.compile("((?:password|clientSecret)\\s*=\\s*\")([^\"]*)(\")");
    private static final Map<String, String> PROVIDERS = new LinkedHashMap<>();

    static {
        PROVIDERS.put("env", EnvVarConfigProvider.class.getName());
        PROVIDERS.put("file", FileConfigProvider.class.getName());
        PROVIDERS.put(SecretVault.PROVIDER, EncryptedSecretProvider.class.getName());
    }

    private SecretReferences() {
    }

    /** Whether Kafka or Schema Registry treats this property as a secret. */
    public static boolean isSecret(String name) {
        return name.endsWith(".password") || name.endsWith("sasl.jaas.config") || name.endsWith("basic.auth.user.info")
                || name.contains("secret") || name.endsWith("ssl.keystore.key") || name.endsWith("token");
    }

    /** Whether the value holds at least one config-provider reference. */
    public static boolean hasReference(String value) {
        return value != null && REFERENCE.matcher(value).find();
    }

    /** Whether any value holds a secret encrypted by a {@link SecretVault} ({@code ${feedlens:…}}): it needs the passphrase. */
    public static boolean hasEncrypted(Map<String, String> properties) {
        String marker = "${" + SecretVault.PROVIDER + ":";
        return properties.values().stream().anyMatch(value -> value != null && value.contains(marker));
    }

    /** The names of the secret properties whose values are (partly) plain text, not references. */
    public static List<String> plainSecrets(Map<String, String> properties) {
        List<String> plain = new ArrayList<>();
        properties.forEach((name, value) -> {
            if (isSecret(name) && isPlain(name, value)) {
                plain.add(name);
            }
        });
        return plain;
    }

    private static boolean isPlain(String name, String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        if (name.endsWith("sasl.jaas.config")) {
            Matcher field = JAAS_SECRET.matcher(value);
            while (field.find()) {
                if (!field.group(2).isEmpty() && !REFERENCE.matcher(field.group(2)).matches()) {
                    return true;
                }
            }
            return false;
        }
        return !hasReference(value);
    }

    /** The properties with every plain secret encrypted by {@code vault}; references and other values stay as they are. */
    public static Map<String, String> encryptPlain(Map<String, String> properties, SecretVault vault) {
        Map<String, String> kept = new LinkedHashMap<>(properties);
        for (String name : plainSecrets(properties)) {
            String value = properties.get(name);
            kept.put(name, name.endsWith("sasl.jaas.config") ? encryptJaasFields(value, vault) : vault.encrypt(value));
        }
        return kept;
    }

    private static String encryptJaasFields(String jaas, SecretVault vault) {
        Matcher field = JAAS_SECRET.matcher(jaas);
        StringBuilder out = new StringBuilder();
        while (field.find()) {
            String secret = field.group(2);
            String kept = secret.isEmpty() || REFERENCE.matcher(secret).matches() ? secret : vault.encrypt(secret);
            field.appendReplacement(out, Matcher.quoteReplacement(field.group(1) + kept + field.group(3)));
        }
        field.appendTail(out);
        return out.toString();
    }

    /**
     * A copy fit to show or log: a plain secret becomes {@link #HIDDEN} (inside a JAAS config only its secret
     * fields do), an encrypted one {@code ${feedlens:…}}; {@code ${env:…}} and {@code ${file:…}} stay readable, as
     * they name where the secret is, not what it is.
     */
    public static Map<String, String> redacted(Map<String, String> properties) {
        Map<String, String> shown = new LinkedHashMap<>();
        properties.forEach((name, value) -> shown.put(name, isSecret(name) ? redact(name, value) : value));
        return shown;
    }

    private static String redact(String name, String value) {
        if (value == null) {
            return null;
        }
        if (name.endsWith("sasl.jaas.config")) {
            Matcher field = JAAS_SECRET.matcher(value);
            StringBuilder out = new StringBuilder();
            while (field.find()) {
                field.appendReplacement(out, Matcher.quoteReplacement(field.group(1) + redactOne(field.group(2)) + field.group(3)));
            }
            field.appendTail(out);
            return out.toString();
        }
        return redactOne(value);
    }

    private static String redactOne(String value) {
        if (value.startsWith("${" + SecretVault.PROVIDER + ":")) {
            return "${" + SecretVault.PROVIDER + ":…}";
        }
        return hasReference(value) ? value : HIDDEN;
    }

    /**
     * Adds Kafka's config-provider settings to a client configuration that holds references, so the client resolves
     * them itself when it is built. Providers a person configured already are kept.
     */
    public static void addProviders(Map<String, Object> config) {
        boolean referenced = config.values().stream().anyMatch(v -> v instanceof String text && hasReference(text));
        if (!referenced) {
            return;
        }
        Set<String> aliases = new LinkedHashSet<>();
        Object existing = config.get("config.providers");
        if (existing != null && !existing.toString().isBlank()) {
            for (String alias : existing.toString().split(",")) {
                aliases.add(alias.trim());
            }
        }
        PROVIDERS.forEach((alias, type) -> {
            if (aliases.add(alias) || !config.containsKey("config.providers." + alias + ".class")) {
                config.put("config.providers." + alias + ".class", type);
            }
        });
        config.put("config.providers", String.join(",", aliases));
    }

    /** Resolves references in settings that no Kafka client reads (the Schema Registry's), with the same providers. */
    public static Map<String, String> resolve(Map<String, String> properties) {
        if (properties.values().stream().noneMatch(SecretReferences::hasReference)) {
            return properties;
        }
        Map<String, ConfigProvider> providers = new LinkedHashMap<>();
        providers.put("env", new EnvVarConfigProvider());
        providers.put("file", new FileConfigProvider());
        providers.put(SecretVault.PROVIDER, new EncryptedSecretProvider());
        providers.values().forEach(provider -> provider.configure(Map.of()));
        try {
            return new ConfigTransformer(providers).transform(properties).data();
        } finally {
            providers.values().forEach(provider -> {
                try {
                    provider.close();
                } catch (Exception ignored) {
                    // closing a provider frees nothing that matters here
                }
            });
        }
    }
}
