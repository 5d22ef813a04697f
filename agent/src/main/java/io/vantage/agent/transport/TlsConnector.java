package io.vantage.agent.transport;

import io.vantage.agent.config.ServerAddress;
import io.vantage.agent.config.TlsSettings;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Puts TLS over a connected socket and verifies the server before anything of the agent's is written: its
 * certificate must chain to the trust store and carry the expected name (endpoint identification as for HTTPS,
 * which matches DNS names and IP addresses against the certificate's subject alternative names). A server that
 * fails either check gets nothing, not even the agent's key.
 */
public final class TlsConnector {

    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final SSLContext context;
    private final TlsSettings settings;

    private TlsConnector(SSLContext context, TlsSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    /** A connector trusting what {@code settings} says; {@code null} settings give {@code null} (plain TCP). */
    public static TlsConnector of(TlsSettings settings) {
        if (settings == null) {
            return null;
        }
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(settings.trustStore()); // null: the JDK's default trust store
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return new TlsConnector(context, settings);
        } catch (GeneralSecurityException e) {
            // every JDK has TLS and PKIX, and the trust store was loaded and checked with the configuration
            throw new IllegalStateException("cannot set up TLS: " + e, e);
        }
    }

    /** How the agent's start-up line describes the verification. */
    public String describe() {
        return "TLS, verifying the server against " + settings.trustSource() + " and the name "
                + (settings.serverName() == null ? "of each server's host" : "'" + settings.serverName() + "'");
    }

    /**
     * Layers TLS over {@code connected} and completes the handshake within the socket's read timeout. Closing
     * the returned socket closes {@code connected}; closing {@code connected} aborts the handshake.
     *
     * @throws ServerUntrustedException when the server's certificate does not verify
     * @throws IOException              when the handshake fails otherwise (the server does not speak TLS, say)
     */
    public SSLSocket handshake(Socket connected, ServerAddress server) throws IOException {
        String name = settings.serverName() != null ? settings.serverName() : server.host();
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(connected, name, server.port(), true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setProtocols(PROTOCOLS);
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        try {
            socket.startHandshake();
            return socket;
        } catch (SSLException e) {
            ServerUntrustedException untrusted = e instanceof SSLHandshakeException handshake
                    ? ServerUntrustedException.from(handshake, name, settings.trustSource()) : null;
            throw untrusted != null ? untrusted : new IOException("TLS handshake failed: " + e.getMessage(), e);
        }
    }
}
