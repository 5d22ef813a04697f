package io.vantage.agent.config;

import java.security.KeyStore;
import java.util.Objects;

/**
 * How the agent verifies the server when it connects over TLS. There is deliberately no way to skip verification:
 * an agent that cannot verify its server sends it nothing, not even its key.
 *
 * @param trustStore  the certificates to trust, already loaded, or {@code null} for the JDK's default trust store
 * @param trustSource how logs name where the trust comes from: the file, or the JDK's default
 * @param serverName  the name the server's certificate must carry, or {@code null} for the host of each server
 *                    address
 */
public record TlsSettings(KeyStore trustStore, String trustSource, String serverName) {

    public static final String JDK_TRUST = "the JDK's default trust store";

    public TlsSettings {
        Objects.requireNonNull(trustSource, "trustSource");
    }

    /** The trust store itself is left out: it is a key store object, not readable text. */
    @Override
    public String toString() {
        return "TlsSettings[trust=" + trustSource + ", serverName=" + (serverName == null ? "the server's host"
                : serverName) + "]";
    }
}
