package io.vantage.connector.nio;

/** The log lines of a TLS listener's sessions, worded and numbered by the protocol that uses TLS. */
public interface TlsLog {

    /** A peer sent something that is not TLS (a plaintext client, a scanner) and is refused. */
    void notTls(String remote);

    /**
     * The handshake or, later, the session failed: an untrusted certificate on the peer's side, no common
     * protocol version, a corrupted record.
     */
    void failed(String remote, boolean established, String reason);

    void established(String remote, String protocol, String cipherSuite);
}
