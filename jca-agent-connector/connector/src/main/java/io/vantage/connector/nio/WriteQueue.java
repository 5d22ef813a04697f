package io.vantage.connector.nio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/** Encoded bytes (frames, an error line) waiting for one connection's socket to take them, in the order queued. */
public final class WriteQueue {

    private final ArrayDeque<ByteBuffer> buffers = new ArrayDeque<>();
    private long pendingBytes;

    public void add(byte[] frame) {
        buffers.add(ByteBuffer.wrap(frame));
        pendingBytes += frame.length;
    }

    public boolean isEmpty() {
        return buffers.isEmpty();
    }

    public long pendingBytes() {
        return pendingBytes;
    }

    /**
     * Writes as much as the transport takes without blocking.
     *
     * @return whether everything queued went out, including what the transport held on to
     */
    public boolean flush(Transport transport) throws IOException {
        while (!buffers.isEmpty()) {
            ByteBuffer head = buffers.peek();
            pendingBytes -= transport.write(head);
            if (head.hasRemaining()) {
                return false;
            }
            buffers.poll();
        }
        return transport.flush();
    }
}
