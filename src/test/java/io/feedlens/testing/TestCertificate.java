package io.feedlens.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made at test time with the JDK's own keytool:
 * a PKCS12 keystore with the key, and a PKCS12 truststore holding only the certificate.
 * Nothing secret is checked in, and the certificate expires within days.
 */
public record TestCertificate(Path keystore, Path truststore, String password) {

    private static final String PASSWORD = "test-only-store-password";

    /** Makes the stores in {@code folder}, named after {@code name} (also the certificate's CN and alias). */
    public static TestCertificate create(Path folder, String name) {
        Path keystore = folder.resolve(name + "-keystore.p12");
        Path certificate = folder.resolve(name + ".crt");
        Path truststore = folder.resolve(name + "-truststore.p12");
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + name, "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", name, "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", name, "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", truststore.toString(), "-storepass", PASSWORD);
        return new TestCertificate(keystore, truststore, PASSWORD);
    }

    private static void keytool(String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                // keytool is a short-lived JVM: skip the optimizing compiler, it only costs start-up time here
                "-J-XX:TieredStopAtLevel=1", "-J-Xshare:auto"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("keytool could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while keytool ran", e);
        }
    }
}
