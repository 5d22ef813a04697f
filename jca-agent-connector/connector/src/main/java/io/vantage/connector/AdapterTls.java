package io.vantage.connector;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Set;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import io.vantage.connector.nio.ServerTls;
import jakarta.resource.spi.InvalidPropertyException;

/**
 * Checks the adapter's TLS properties and turns them into the agent listener's {@link ServerTls}: the keystore
 * must be a readable file of the given type that the password opens, holding a private key with its certificate
 * chain under that same password; the protocols must be TLSv1.3 and/or TLSv1.2. Each refusal names the property
 * and its system property, like every other setting's; the password itself is never repeated.
 */
final class AdapterTls {

    static final String KEY_STORE = "agentTlsKeyStore";
    static final String PASSWORD = "agentTlsKeyStorePassword";
    static final String TYPE = "agentTlsKeyStoreType";
    static final String PROTOCOLS = "agentTlsProtocols";
    /** Older versions have known weaknesses and are off in current JDKs anyway. */
    private static final Set<String> ALLOWED_PROTOCOLS = Set.of("TLSv1.3", "TLSv1.2");

    private AdapterTls() {
    }

    /** @return the listener's TLS, or {@code null} when no keystore is configured (plain TCP) */
    static ServerTls from(AgentResourceAdapter adapter) throws InvalidPropertyException {
        // every value is checked even without a keystore, so that adding one later cannot surprise anyone
        List<String> protocols = protocols(adapter.getAgentTlsProtocols());
        String type = adapter.getAgentTlsKeyStoreType();
        if (type == null || type.isBlank()) {
            throw AdapterSettings.invalid(TYPE, "vantage.agent.tls-key-store-type", type, "must name a keystore type "
                    + "such as PKCS12 or JKS");
        }
        KeyStore store = emptyStore(type.strip());
        String location = adapter.getAgentTlsKeyStore();
        if (location == null || location.isBlank()) {
            return null;
        }
        char[] password = adapter.getAgentTlsKeyStorePassword() == null ? new char[0]
                : adapter.getAgentTlsKeyStorePassword().toCharArray();
        load(store, file(location.strip()), password);
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return new ServerTls(context, protocols, describeKey(store, location));
        } catch (UnrecoverableKeyException e) {
            throw new InvalidPropertyException("agent connector setting " + PASSWORD + " (system property "
                    + "vantage.agent.tls-key-store-password) opens the keystore " + location + " but not its private "
                    + "key: the key must have the keystore's password");
        } catch (GeneralSecurityException e) {
            throw AdapterSettings.invalid(KEY_STORE, "vantage.agent.tls-key-store", location,
                    "cannot serve TLS: " + e.getMessage());
        }
    }

    private static List<String> protocols(String value) throws InvalidPropertyException {
        List<String> protocols = new ArrayList<>();
        for (String part : value == null ? new String[0] : value.split(",")) {
            if (!part.isBlank()) {
                protocols.add(part.strip());
            }
        }
        if (protocols.isEmpty() || !ALLOWED_PROTOCOLS.containsAll(protocols)) {
            throw AdapterSettings.invalid(PROTOCOLS, "vantage.agent.tls-protocols", value,
                    "must list TLSv1.3 and/or TLSv1.2, comma-separated");
        }
        return Collections.unmodifiableList(protocols);
    }

    private static KeyStore emptyStore(String type) throws InvalidPropertyException {
        try {
            return KeyStore.getInstance(type);
        } catch (KeyStoreException e) {
            throw AdapterSettings.invalid(TYPE, "vantage.agent.tls-key-store-type", type,
                    "is not a keystore type this JVM knows (PKCS12 or JKS)");
        }
    }

    private static Path file(String location) throws InvalidPropertyException {
        try {
            Path path = Path.of(location);
            if (Files.isRegularFile(path) && Files.isReadable(path)) {
                return path;
            }
        } catch (InvalidPathException e) {
            // reported below like a missing file
        }
        throw AdapterSettings.invalid(KEY_STORE, "vantage.agent.tls-key-store", location,
                "must name a keystore file this server can read (an absolute path is safest)");
    }

    private static void load(KeyStore store, Path path, char[] password) throws InvalidPropertyException {
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new InvalidPropertyException("agent connector setting " + PASSWORD + " (system property "
                        + "vantage.agent.tls-key-store-password) does not open the keystore " + path
                        + ": the password is wrong");
            }
            throw AdapterSettings.invalid(KEY_STORE, "vantage.agent.tls-key-store", path, "cannot be read as a "
                    + store.getType() + " keystore (" + TYPE + "): " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw AdapterSettings.invalid(KEY_STORE, "vantage.agent.tls-key-store", path,
                    "cannot be read: " + e.getMessage());
        }
    }

    /** The first key's certificate, as the listener's log line names it. */
    private static String describeKey(KeyStore store, String location) throws KeyStoreException,
            InvalidPropertyException {
        for (String alias : Collections.list(store.aliases())) {
            Certificate[] chain = store.isKeyEntry(alias) ? store.getCertificateChain(alias) : null;
            if (chain != null && chain.length > 0 && chain[0] instanceof X509Certificate certificate) {
                Date until = certificate.getNotAfter();
                return "'" + certificate.getSubjectX500Principal().getName() + "' valid until " + until.toInstant()
                        + (until.before(new Date()) ? " (EXPIRED: agents will refuse it)" : "");
            }
        }
        throw AdapterSettings.invalid(KEY_STORE, "vantage.agent.tls-key-store", location,
                "holds no private key with an X.509 certificate chain");
    }
}
