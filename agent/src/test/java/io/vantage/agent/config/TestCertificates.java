package io.vantage.agent.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server certificate for trust-store tests, made once per run with the JDK's keytool: the certificate in PEM and
 * a PKCS12 trust store holding it, with {@link #PASSWORD}.
 */
final class TestCertificates {

    static final String PASSWORD = "trust-secret";

    private static Path directory;

    private TestCertificates() {
    }

    static synchronized Path pem() {
        return files().resolve("server.pem");
    }

    static synchronized Path trustStore() {
        return files().resolve("trust.p12");
    }

    private static Path files() {
        if (directory == null) {
            try {
                Path made = Files.createTempDirectory("vantage-agent-test-tls");
                keytool(made, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost",
                        "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                        "-keystore", "server.p12", "-storepass", "server-secret");
                keytool(made, "-exportcert", "-alias", "server", "-rfc", "-keystore", "server.p12", "-storepass",
                        "server-secret", "-file", "server.pem");
                keytool(made, "-importcert", "-noprompt", "-alias", "server", "-file", "server.pem", "-storetype",
                        "PKCS12", "-keystore", "trust.p12", "-storepass", PASSWORD);
                directory = made;
            } catch (IOException e) {
                throw new IllegalStateException("cannot make test certificates: " + e.getMessage(), e);
            }
        }
        return directory;
    }

    private static void keytool(Path directory, String... args) throws IOException {
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
