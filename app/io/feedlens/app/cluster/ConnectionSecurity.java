package io.feedlens.app.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The security part of a connection as a person fills it in — protocol, SASL mechanism, user, password, trust- and
 * keystore — mapped to and from Kafka's own client properties ({@code security.protocol}, {@code sasl.mechanism},
 * {@code sasl.jaas.config}, {@code ssl.*}). Empty strings mean "not set". Other mechanisms (OAUTHBEARER, GSSAPI)
 * pass through: their JAAS configuration stays among the other client properties, as Kafka's documentation writes it.
 */
public record ConnectionSecurity(String protocol, String mechanism, String username, String password,
                                 String truststorePath, String truststorePassword,
                                 String keystorePath, String keystorePassword, String keyPassword) {

    public static final List<String> PROTOCOLS = List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    public static final List<String> MECHANISMS = List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "OAUTHBEARER", "GSSAPI");

    static final String PROTOCOL = "security.protocol";
    static final String MECHANISM = "sasl.mechanism";
    static final String JAAS = "sasl.jaas.config";
    private static final java.util.Set<String> STORES = java.util.Set.of("ssl.truststore.location",
            "ssl.truststore.password", "ssl.keystore.location", "ssl.keystore.password", "ssl.key.password");
    private static final Pattern FIELD = Pattern.compile("(username|password)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    public ConnectionSecurity {
        protocol = blankIfNull(protocol).toUpperCase(Locale.ROOT);
        mechanism = blankIfNull(mechanism).toUpperCase(Locale.ROOT);
        username = blankIfNull(username);
        truststorePath = blankIfNull(truststorePath);
        keystorePath = blankIfNull(keystorePath);
        // Passwords are kept exactly as typed: a space can be part of one.
        password = password == null ? "" : password;
        truststorePassword = truststorePassword == null ? "" : truststorePassword;
        keystorePassword = keystorePassword == null ? "" : keystorePassword;
        keyPassword = keyPassword == null ? "" : keyPassword;
    }

    public static ConnectionSecurity none() {
        return new ConnectionSecurity("", "", "", "", "", "", "", "", "");
    }

    /** Reads the security settings out of Kafka client properties; user and password only from a PLAIN or SCRAM JAAS line. */
    public static ConnectionSecurity from(Map<String, String> properties) {
        String mechanism = properties.getOrDefault(MECHANISM, "");
        String user = "";
        String password = "";
        if (usesLoginFields(mechanism)) {
            Matcher field = FIELD.matcher(properties.getOrDefault(JAAS, ""));
            while (field.find()) {
                String value = field.group(2).replaceAll("\\\\(.)", "$1");
                if (field.group(1).equals("username")) {
                    user = value;
                } else {
                    password = value;
                }
            }
        }
        return new ConnectionSecurity(properties.getOrDefault(PROTOCOL, ""), mechanism, user, password,
                properties.getOrDefault("ssl.truststore.location", ""), properties.getOrDefault("ssl.truststore.password", ""),
                properties.getOrDefault("ssl.keystore.location", ""), properties.getOrDefault("ssl.keystore.password", ""),
                properties.getOrDefault("ssl.key.password", ""));
    }

    /** The properties this form owns; the rest of a profile's properties are shown and edited as they are. */
    public static boolean owns(String property, String mechanism) {
        return property.equals(PROTOCOL) || property.equals(MECHANISM) || STORES.contains(property)
                || property.equals(JAAS) && usesLoginFields(mechanism);
    }

    /**
     * {@code others} with these settings written over them in Kafka's names (a field left empty leaves the property
     * as {@code others} has it). Refuses, in words, what a broker would refuse
     * less clearly: an unknown protocol, SASL without a mechanism, PLAIN or SCRAM without user or password.
     */
    public Map<String, String> applyTo(Map<String, String> others) {
        validate();
        Map<String, String> properties = new LinkedHashMap<>(others);
        putIfSet(properties, PROTOCOL, protocol);
        if (protocol.startsWith("SASL_")) {
            properties.put(MECHANISM, mechanism);
            if (usesLoginFields(mechanism)) {
                properties.put(JAAS, jaasLine());
            }
        }
        putIfSet(properties, "ssl.truststore.location", truststorePath);
        putIfSet(properties, "ssl.truststore.password", truststorePassword);
        putIfSet(properties, "ssl.keystore.location", keystorePath);
        putIfSet(properties, "ssl.keystore.password", keystorePassword);
        putIfSet(properties, "ssl.key.password", keyPassword);
        return properties;
    }

    private void validate() {
        if (!protocol.isEmpty() && !PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException("The security protocol '" + protocol + "' is not one Kafka knows: use one of "
                    + String.join(", ", PROTOCOLS) + ".");
        }
        if (protocol.startsWith("SASL_") && mechanism.isEmpty()) {
            throw new IllegalArgumentException(protocol + " needs a SASL mechanism (" + String.join(", ", MECHANISMS) + ").");
        }
        if (protocol.startsWith("SASL_") && usesLoginFields(mechanism) && (username.isBlank() || password.isEmpty())) {
            throw new IllegalArgumentException(mechanism + " needs a user name and a password.");
        }
        if (!keystorePath.isEmpty() && keystorePassword.isEmpty() && !keystorePath.endsWith(".pem")) {
            throw new IllegalArgumentException("The keystore " + keystorePath + " needs its password.");
        }
    }

    private String jaasLine() {
        String module = mechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return module + " required username=\"" + quoted(username) + "\" password=\"" + quoted(password) + "\";";
    }

    private static boolean usesLoginFields(String mechanism) {
        String upper = mechanism == null ? "" : mechanism.toUpperCase(Locale.ROOT);
        return upper.equals("PLAIN") || upper.startsWith("SCRAM-");
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void putIfSet(Map<String, String> properties, String name, String value) {
        if (!value.isEmpty()) {
            properties.put(name, value);
        }
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value.trim();
    }

    @Override
    public String toString() {
        return "ConnectionSecurity[" + protocol + ", " + mechanism + ", user " + username + "]";
    }
}
