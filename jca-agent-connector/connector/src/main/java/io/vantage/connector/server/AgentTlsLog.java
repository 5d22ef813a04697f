package io.vantage.connector.server;

import io.vantage.connector.logging.ConnectorLogger;
import io.vantage.connector.nio.TlsLog;

/** The TLS sessions' log lines, worded and numbered as the agent listener's own. */
enum AgentTlsLog implements TlsLog {
    INSTANCE;

    @Override
    public void notTls(String remote) {
        ConnectorLogger.tlsNotSpoken(remote);
    }

    @Override
    public void failed(String remote, boolean established, String reason) {
        ConnectorLogger.tlsFailed(remote, established ? "the TLS session" : "the TLS handshake", reason);
    }

    @Override
    public void established(String remote, String protocol, String cipherSuite) {
        ConnectorLogger.tlsEstablished(remote, protocol, cipherSuite);
    }
}
