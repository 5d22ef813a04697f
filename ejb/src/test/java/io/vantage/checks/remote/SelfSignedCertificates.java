package io.vantage.checks.remote;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Self-signed certificates made for a test run by the JDK's keytool, in PKCS12 keystores. */
final class SelfSignedCertificates {

    static final char[] PASSWORD = "changeit".toCharArray();
    private static final String ALIAS = "server";

    private SelfSignedCertificates() {
    }

    /**
     * Starts keytool for a key pair and self-signed certificate.
     *
     * @param startDate keytool's {@code -startdate}, such as {@code -20d}, or null for now
     * @param san       keytool's subject alternative names, such as {@code ip:127.0.0.1,dns:localhost}
     */
    static Process generate(Path keystore, String commonName, String san, int validityDays, String startDate)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/keytool",
                "-genkeypair", "-noprompt", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + commonName, "-ext", "SAN=" + san, "-validity", Integer.toString(validityDays),
                "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)));
        if (startDate != null) {
            command.add("-startdate");
            command.add(startDate);
        }
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Waits for keytool and fails with its output if it did not make the keystore. */
    static void await(Process keytool, Path keystore) throws Exception {
        String output = new String(keytool.getInputStream().readAllBytes());
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0 || !Files.exists(keystore)) {
            throw new IllegalStateException("keytool failed for " + keystore + ": " + output);
        }
    }

    /** A server-side context presenting the keystore's certificate. */
    static SSLContext serverContext(Path keystore) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keystore), PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** A client-side context that trusts exactly the keystore's certificate, with the JDK's usual checks. */
    static SSLContext trusting(Path keystore) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry(ALIAS, certificate(keystore));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    static Certificate certificate(Path keystore) throws Exception {
        return load(keystore).getCertificate(ALIAS);
    }

    private static KeyStore load(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        return store;
    }
}
