package io.vantage.connector.nio;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * What the {@link SelectorLoop} asks of one connection, whatever protocol it speaks. Every method runs on the
 * selector thread only.
 */
public interface NioConnection {

    boolean isOpen();

    String remoteAddress();

    /** Handles what the selector reported ready; {@code buffer} is the selector thread's shared read buffer. */
    void onReady(ByteBuffer buffer) throws IOException;

    /** The periodic sweep: timeouts, flushes, retries, whatever is due at {@code now} ({@link System#nanoTime}). */
    void tick(long now) throws IOException;

    void closeNow(String why);

    /** Received data that closing the connection now would lose, for the listener's closing log line. */
    long heldOnStop();

    /**
     * Whether input the connection wants waits where the selector cannot see it (inside a TLS session), so the
     * loop must serve the connection again without waiting for the socket.
     */
    default boolean hasBufferedInput() {
        return false;
    }
}
