package io.feedlens.app.decode.registry;


import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How to reach a Schema Registry: its base URLs (tried in order when one refuses the connection),
 * optional basic auth, optional TLS stores, and how long to wait. Built from Confluent's client
 * property names with {@link #fromProperties(Map)}, so an existing {@code client.properties} works as is.
 * <p>
 * Passwords never show in {@link #toString()} or in any message built from these settings.
 *
 * @param urls           base URLs without user info, tried in this order
 * @param basicAuth      user and password sent with every request, if any
 * @param truststore     certificates to trust for https URLs; the JDK's defaults when absent
 * @param keystore       our own certificate for mutual TLS, if the registry asks for one
 * @param requestTimeout how long one request may take before the registry counts as slow
 * @param connectTimeout how long to wait for a connection before trying the next URL
 * @param downBackOff    after the registry did not answer, how long lookups fail at once instead of waiting again
 * @param unknownIdTtl   how long an id the registry does not know is remembered as unknown
 */
public record RegistrySettings(
        List<URI> urls,
        Optional<BasicAuth> basicAuth,
        Optional<StoreFile> truststore,
        Optional<StoreFile> keystore,
        Duration requestTimeout,
        Duration connectTimeout,
        Duration downBackOff,
        Duration unknownIdTtl) {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_DOWN_BACK_OFF = Duration.ofSeconds(30);
    public static final Duration DEFAULT_UNKNOWN_ID_TTL = Duration.ofSeconds(60);

    public static final String URL = "schema.registry.url";
    public static final String CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String USER_INFO = "basic.auth.user.info";
    private static final String SSL = "schema.registry.ssl.";

    public RegistrySettings {
        if (urls == null || urls.isEmpty()) {
            throw new IllegalArgumentException("A schema registry needs at least one URL (" + URL + ").");
        }
        urls = List.copyOf(urls);
        for (URI url : urls) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
                throw new IllegalArgumentException("The schema registry URL " + url
                        + " is not an http:// or https:// address with a host.");
            }
            if (url.getUserInfo() != null) {
                throw new IllegalArgumentException("Registry URLs must not carry a user or password; use "
                        + USER_INFO + ".");
            }
        }
        requirePositive(requestTimeout, "request timeout");
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(downBackOff, "down back-off");
        requirePositive(unknownIdTtl, "unknown-id memory");
    }

    /** One or more comma-separated base URLs, no auth, no TLS stores, default timeouts. */
    public static RegistrySettings of(String commaSeparatedUrls) {
        return new RegistrySettings(parseUrls(commaSeparatedUrls), Optional.empty(), Optional.empty(),
                Optional.empty(), DEFAULT_REQUEST_TIMEOUT, DEFAULT_CONNECT_TIMEOUT, DEFAULT_DOWN_BACK_OFF,
                DEFAULT_UNKNOWN_ID_TTL);
    }

    /**
     * Settings from Confluent's client property names: {@code schema.registry.url},
     * {@code basic.auth.credentials.source} (USER_INFO or URL), {@code basic.auth.user.info},
     * {@code schema.registry.ssl.truststore.location|password|type} and
     * {@code schema.registry.ssl.keystore.location|password|type} (+ {@code schema.registry.ssl.key.password}).
     */
    public static RegistrySettings fromProperties(Map<String, String> properties) {
        String urls = properties.get(URL);
        if (urls == null || urls.isBlank()) {
            throw new IllegalArgumentException("No schema registry URL: set " + URL + ".");
        }
        RegistrySettings settings = of(withoutUserInfo(urls));
        Optional<BasicAuth> auth = basicAuthFrom(properties, urls);
        return new RegistrySettings(settings.urls, auth,
                StoreFile.fromProperties(properties, SSL + "truststore."),
                StoreFile.fromProperties(properties, SSL + "keystore."),
                settings.requestTimeout, settings.connectTimeout, settings.downBackOff, settings.unknownIdTtl);
    }

    public RegistrySettings withBasicAuth(String user, String password) {
        return new RegistrySettings(urls, Optional.of(new BasicAuth(user, password)), truststore, keystore,
                requestTimeout, connectTimeout, downBackOff, unknownIdTtl);
    }

    public RegistrySettings withTruststore(StoreFile store) {
        return new RegistrySettings(urls, basicAuth, Optional.of(store), keystore,
                requestTimeout, connectTimeout, downBackOff, unknownIdTtl);
    }

    public RegistrySettings withKeystore(StoreFile store) {
        return new RegistrySettings(urls, basicAuth, truststore, Optional.of(store),
                requestTimeout, connectTimeout, downBackOff, unknownIdTtl);
    }

    public RegistrySettings withTimeouts(Duration request, Duration connect) {
        return new RegistrySettings(urls, basicAuth, truststore, keystore, request, connect, downBackOff,
                unknownIdTtl);
    }

    public RegistrySettings withDownBackOff(Duration backOff) {
        return new RegistrySettings(urls, basicAuth, truststore, keystore, requestTimeout, connectTimeout,
                backOff, unknownIdTtl);
    }

    public RegistrySettings withUnknownIdTtl(Duration ttl) {
        return new RegistrySettings(urls, basicAuth, truststore, keystore, requestTimeout, connectTimeout,
                downBackOff, ttl);
    }

    /** The URLs as people typed them, comma-separated: what messages name as "the registry". */
    public String location() {
        return urls.stream().map(URI::toString).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return "RegistrySettings[urls=" + location()
                + ", basicAuth=" + basicAuth.map(BasicAuth::toString).orElse("none")
                + ", truststore=" + truststore.map(StoreFile::toString).orElse("JDK default")
                + ", keystore=" + keystore.map(StoreFile::toString).orElse("none")
                + ", requestTimeout=" + requestTimeout + ", connectTimeout=" + connectTimeout
                + ", downBackOff=" + downBackOff + ", unknownIdTtl=" + unknownIdTtl + "]";
    }

    private static List<URI> parseUrls(String commaSeparated) {
        List<URI> urls = Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s)
                .map(RegistrySettings::uri)
                .toList();
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("No schema registry URL in '" + commaSeparated + "'.");
        }
        return urls;
    }

    private static URI uri(String text) {
        try {
            return URI.create(text);
        } catch (IllegalArgumentException e) {
            // URI's own message repeats the text, which may hold a password: say it without the text.
            throw new IllegalArgumentException("A schema registry URL is not a valid address.");
        }
    }

    private static Optional<BasicAuth> basicAuthFrom(Map<String, String> properties, String urls) {
        String source = properties.getOrDefault(CREDENTIALS_SOURCE, "URL").trim().toUpperCase(Locale.ROOT);
        switch (source) {
            case "USER_INFO" -> {
                String userInfo = properties.get(USER_INFO);
                if (userInfo == null || userInfo.isEmpty()) {
                    throw new IllegalArgumentException(CREDENTIALS_SOURCE + " is USER_INFO but " + USER_INFO
                            + " is not set.");
                }
                return Optional.of(BasicAuth.parse(userInfo));
            }
            case "URL" -> {
                String userInfo = uri(urls.split(",")[0].trim()).getUserInfo();
                return Optional.ofNullable(userInfo).map(BasicAuth::parse);
            }
            default -> throw new IllegalArgumentException(CREDENTIALS_SOURCE + " '" + source
                    + "' is not supported; FeedLens knows USER_INFO and URL.");
        }
    }

    private static String withoutUserInfo(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .map(s -> s.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1"))
                .collect(Collectors.joining(","));
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("The schema registry " + what + " must be longer than zero.");
        }
    }

    /** A user and password for HTTP basic auth, as Confluent's "user:password". The password never prints. */
    public record BasicAuth(String user, String password) {

        public BasicAuth {
            if (user == null || user.isEmpty() || password == null) {
                throw new IllegalArgumentException("Basic auth needs a user and a password.");
            }
        }

        /** From Confluent's {@code basic.auth.user.info} form "user:password" (the password may hold colons). */
        public static BasicAuth parse(String userInfo) {
            int colon = userInfo.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(USER_INFO + " must read user:password.");
            }
            return new BasicAuth(userInfo.substring(0, colon), userInfo.substring(colon + 1));
        }

        @Override
        public String toString() {
            return "BasicAuth[user=" + user + ", password=****]";
        }
    }

    /**
     * A key or trust store file. {@code keyPassword} is the private key's own password for keystores
     * (Confluent's {@code schema.registry.ssl.key.password}); when absent the store password is used.
     */
    public record StoreFile(Path path, String password, String type, Optional<String> keyPassword) {

        public StoreFile {
            if (path == null) {
                throw new IllegalArgumentException("A store file needs a path.");
            }
            type = type == null || type.isBlank() ? "JKS" : type.trim().toUpperCase(Locale.ROOT);
            if (!type.equals("JKS") && !type.equals("PKCS12")) {
                throw new IllegalArgumentException("Store type " + type + " for " + path
                        + " is not supported; use JKS or PKCS12.");
            }
            keyPassword = keyPassword == null ? Optional.empty() : keyPassword;
        }

        public StoreFile(Path path, String password, String type) {
            this(path, password, type, Optional.empty());
        }

        static Optional<StoreFile> fromProperties(Map<String, String> properties, String prefix) {
            String location = properties.get(prefix + "location");
            if (location == null || location.isBlank()) {
                return Optional.empty();
            }
            Optional<String> keyPassword = prefix.endsWith("keystore.")
                    ? Optional.ofNullable(properties.get(SSL + "key.password"))
                    : Optional.empty();
            return Optional.of(new StoreFile(Path.of(location.trim()), properties.get(prefix + "password"),
                    properties.get(prefix + "type"), keyPassword));
        }

        @Override
        public String toString() {
            return "StoreFile[" + path + " (" + type + "), password=" + (password == null ? "none" : "****") + "]";
        }
    }
}
