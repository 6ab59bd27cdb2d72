package io.feedlens.app.decode.registry;


import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One question to the registry: the REST path (subject names URL-encoded) and how to name it in messages.
 *
 * @param path    path below the base URL, starting with "/"
 * @param subject the subject asked about, or null
 * @param version the version asked about ("latest" or a number), or null
 * @param id      the schema id asked about, or -1
 */
record RegistryRequest(String path, String subject, String version, int id) {

    static RegistryRequest schemaById(int id) {
        return new RegistryRequest("/schemas/ids/" + id, null, null, id);
    }

    static RegistryRequest subjects() {
        return new RegistryRequest("/subjects", null, null, -1);
    }

    static RegistryRequest versions(String subject) {
        return new RegistryRequest("/subjects/" + encode(subject) + "/versions", subject, null, -1);
    }

    static RegistryRequest version(String subject, String version) {
        return new RegistryRequest("/subjects/" + encode(subject) + "/versions/" + version, subject, version, -1);
    }

    /** What was asked, for messages: "schema id 17", "version 3 of subject 'orders-value'". */
    String describe() {
        if (id >= 0) {
            return "schema id " + id;
        }
        if (version != null) {
            return ("latest".equals(version) ? "the latest version" : "version " + version)
                    + " of subject '" + subject + "'";
        }
        return subject != null ? "the versions of subject '" + subject + "'" : "the list of subjects";
    }

    /** URLEncoder writes a space as "+", which a path reads as a plus: paths need %20. */
    private static String encode(String subject) {
        if (subject == null || subject.isEmpty()) {
            throw new IllegalArgumentException("A subject name must not be empty.");
        }
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
