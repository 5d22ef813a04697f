package io.vantage.agent.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Collections;

/**
 * Loads the certificates the agent trusts from {@code tls-trust-store}: a PKCS12 or JKS trust store (with
 * {@code tls-trust-store-password} when it has one), or a PEM file of certificates, which is what a private CA
 * usually hands out. Every failure is a {@link ConfigException} naming the setting to fix.
 */
final class TrustStores {

    private static final byte[] PEM_START = "-----BEGIN".getBytes(StandardCharsets.US_ASCII);

    private TrustStores() {
    }

    static KeyStore load(Path file, String password) throws ConfigException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException(ConfigKey.TLS_TRUST_STORE.key() + " " + file + " cannot be read: " + e);
        }
        KeyStore store = looksLikePem(content) ? fromPem(file, content) : fromKeyStore(file, content, password);
        if (certificates(store) == 0) {
            throw new ConfigException(ConfigKey.TLS_TRUST_STORE.key() + " " + file + " holds no certificate to trust"
                    + (password == null ? " (or needs " + ConfigKey.TLS_TRUST_STORE_PASSWORD.key() + ")" : ""));
        }
        return store;
    }

    private static boolean looksLikePem(byte[] content) {
        String start = new String(content, 0, Math.min(content.length, 1024), StandardCharsets.US_ASCII);
        return start.contains(new String(PEM_START, StandardCharsets.US_ASCII));
    }

    private static KeyStore fromPem(Path file, byte[] content) throws ConfigException {
        try {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(content));
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int number = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("certificate-" + ++number, certificate);
            }
            return store;
        } catch (CertificateException e) {
            throw new ConfigException(ConfigKey.TLS_TRUST_STORE.key() + " " + file + " is not valid PEM: "
                    + e.getMessage());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the JVM cannot hold certificates in memory: " + e, e);
        }
    }

    private static KeyStore fromKeyStore(Path file, byte[] content, String password) throws ConfigException {
        try (InputStream in = new ByteArrayInputStream(content)) {
            // the PKCS12 type reads JKS files too (keystore.type.compat, on by default)
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password == null ? null : password.toCharArray());
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new ConfigException(ConfigKey.TLS_TRUST_STORE_PASSWORD.key() + " does not open "
                        + ConfigKey.TLS_TRUST_STORE.key() + " " + file + ": the password is wrong");
            }
            throw new ConfigException(ConfigKey.TLS_TRUST_STORE.key() + " " + file + " is neither a PKCS12 or JKS "
                    + "trust store nor PEM certificates: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new ConfigException(ConfigKey.TLS_TRUST_STORE.key() + " " + file + " cannot be loaded: "
                    + e.getMessage());
        }
    }

    private static int certificates(KeyStore store) throws ConfigException {
        try {
            int count = 0;
            for (String alias : Collections.list(store.aliases())) {
                if (store.getCertificate(alias) != null) {
                    count++;
                }
            }
            return count;
        } catch (GeneralSecurityException e) {
            throw new ConfigException("the trust store cannot be read: " + e.getMessage());
        }
    }
}
