package io.feedlens.app.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;


/** Reads a Kafka {@code client.properties} file, the kind Kafka's own command-line tools take with {@code --command-config}. */
public final class ClientProperties {

    private ClientProperties() {
    }

    public static Map<String, String> read(Path file) {
        if (file == null) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read client properties from " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> map = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }
}
