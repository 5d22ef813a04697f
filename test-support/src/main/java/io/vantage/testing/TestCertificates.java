package io.vantage.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Key material for TLS tests, made once per test JVM with the JDK's own keytool in a temporary directory: a server
 * keystore whose self-signed certificate names 127.0.0.1 and localhost, that certificate in PEM, and a trust store
 * holding it. Nothing is checked in, so nothing expires.
 */
public final class TestCertificates {

    public static final String KEY_STORE_PASSWORD = "server-secret";
    public static final String TRUST_STORE_PASSWORD = "trust-secret";

    private static Path directory;

    private TestCertificates() {
    }

    /** The server's PKCS12 keystore: one RSA key, self-signed, for ip:127.0.0.1 and dns:localhost. */
    public static synchronized Path keyStore() {
        return files().resolve("server.p12");
    }

    /** The server's certificate, PEM. */
    public static synchronized Path certificate() {
        return files().resolve("server.pem");
    }

    /** A PKCS12 trust store holding the server's certificate, with {@link #TRUST_STORE_PASSWORD}. */
    public static synchronized Path trustStore() {
        return files().resolve("trust.p12");
    }

    private static Path files() {
        if (directory == null) {
            try {
                Path made = Files.createTempDirectory("vantage-test-tls");
                keytool(made, "-genkeypair", "-alias", "vantage", "-keyalg", "RSA", "-keysize", "2048",
                        "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                        "-storetype", "PKCS12", "-keystore", "server.p12", "-storepass", KEY_STORE_PASSWORD,
                        "-keypass", KEY_STORE_PASSWORD);
                keytool(made, "-exportcert", "-alias", "vantage", "-rfc", "-keystore", "server.p12",
                        "-storepass", KEY_STORE_PASSWORD, "-file", "server.pem");
                keytool(made, "-importcert", "-noprompt", "-alias", "vantage", "-file", "server.pem",
                        "-storetype", "PKCS12", "-keystore", "trust.p12", "-storepass", TRUST_STORE_PASSWORD);
                directory = made;
            } catch (IOException e) {
                throw new IllegalStateException("cannot make test keystores: " + e.getMessage(), e);
            }
        }
        return directory;
    }

    /** Runs the JDK's keytool in {@code directory}; fails with its output when it fails. */
    public static void keytool(Path directory, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }
}
