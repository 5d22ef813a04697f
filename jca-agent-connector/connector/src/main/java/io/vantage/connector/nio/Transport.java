package io.vantage.connector.nio;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The byte stream a {@link SocketConnection} reads and writes: the socket itself for plain TCP, or a TLS session
 * over it. The protocol's code sees plaintext either way, so its limits, backpressure and timeouts need not know
 * which. Every method runs on the selector thread only and never blocks.
 */
public interface Transport {

    /**
     * Reads what is available into {@code dst} without blocking.
     *
     * @return the bytes read, possibly 0; -1 once the peer has ended its input and everything before is read
     */
    int read(ByteBuffer dst) throws IOException;

    /** Writes as much of {@code src} as can go without blocking; returns how many of its bytes were taken. */
    int write(ByteBuffer src) throws IOException;

    /**
     * Pushes out what the transport itself still holds (encrypted bytes, a handshake message).
     *
     * @return whether nothing is held any more, so everything written so far has reached the socket
     */
    boolean flush() throws IOException;

    /**
     * Ends the output after everything written so far: for TLS a close_notify, then FIN. Call again after later
     * {@link #flush()}es until it returns true.
     *
     * @return whether the output is now shut
     */
    boolean endOutput() throws IOException;

    /** Whether the protocol's bytes can flow yet: false while a TLS handshake has not finished. */
    boolean established();

    /**
     * Input already taken off the socket and not yet read, which the selector cannot report: the connection must
     * be served again without waiting for the socket.
     */
    boolean hasBufferedInput();

    /**
     * The selector interest that serves what the connection wants: a TLS handshake may have to write when the
     * connection only reads, or wait for a worker and want nothing at all.
     */
    int interestOps(boolean read, boolean write);

    /** Closes the socket at once; TLS says close_notify first when that can be done without waiting. */
    void close();
}
