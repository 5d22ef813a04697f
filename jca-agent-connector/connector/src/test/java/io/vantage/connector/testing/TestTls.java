package io.vantage.connector.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.vantage.connector.nio.ServerTls;
import io.vantage.testing.TestCertificates;

/**
 * TLS for the listener tests, from the shared test key material ({@link TestCertificates}): the listener's side as
 * the adapter makes it, and a client that trusts the server's certificate and nothing else.
 */
public final class TestTls {

    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private TestTls() {
    }

    /** The listener's TLS, as the adapter would make it from {@link TestCertificates#keyStore()}. */
    public static ServerTls serverTls() throws IOException, GeneralSecurityException {
        return serverTls(PROTOCOLS);
    }

    /** The listener's TLS, allowing only {@code protocols}. */
    public static ServerTls serverTls(List<String> protocols) throws IOException, GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        String password = TestCertificates.KEY_STORE_PASSWORD;
        keys.init(load(TestCertificates.keyStore(), password), password.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return new ServerTls(context, protocols, "test certificate");
    }

    /** A client context that trusts the server's certificate and nothing else. */
    public static SSLContext trustingClient() throws IOException, GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(TestCertificates.trustStore(), TestCertificates.TRUST_STORE_PASSWORD));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path file, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
