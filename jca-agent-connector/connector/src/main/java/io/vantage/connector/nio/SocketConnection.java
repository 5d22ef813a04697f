package io.vantage.connector.nio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * The socket side every protocol's connection shares: the write queue, the selector interest and the
 * read-paused gauge, the half-close that lets a peer read an error before the socket goes, the bounded drain of
 * input after an error, and the one-time close. Subclasses decide what the bytes mean and when to read.
 * Runs on the selector thread only.
 */
public abstract class SocketConnection implements NioConnection {

    private final SocketChannel channel;
    private final SelectionKey key;
    private final String remoteAddress;
    private final ConnectionCounts counts;
    private final ListenerLog log;
    private final WriteQueue writes = new WriteQueue();
    private boolean outputShut;
    private long drainedBytes;
    private boolean readPaused;
    private boolean closed;

    protected SocketConnection(SocketChannel channel, SelectionKey key, String remoteAddress,
                               ConnectionCounts counts, ListenerLog log) {
        this.channel = channel;
        this.key = key;
        this.remoteAddress = remoteAddress;
        this.counts = counts;
        this.log = log;
    }

    @Override
    public final String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public final boolean isOpen() {
        return !closed;
    }

    @Override
    public final void closeNow(String why) {
        if (closed) {
            return;
        }
        closed = true;
        key.cancel();
        try {
            channel.close();
        } catch (IOException e) {
            // the peer is gone either way; nothing more to tell it
        }
        counts.closed(readPaused);
        log.connectionClosed(remoteAddress, why);
    }

    protected final SocketChannel channel() {
        return channel;
    }

    protected final boolean writable() {
        return key.isWritable();
    }

    protected final boolean readable() {
        return key.isReadable();
    }

    protected final WriteQueue writes() {
        return writes;
    }

    /** Whether the output side is shut (or given up on): nothing more will be written. */
    protected final boolean outputShut() {
        return outputShut;
    }

    /** Nothing more can be written, for example after a write failed; input may still be drained. */
    protected final void giveUpOutput() {
        outputShut = true;
    }

    /**
     * Writes what is queued, as far as the socket takes it without blocking. Once everything is out and
     * {@code halfClose} says an error was the last word, shuts the output: FIN right behind the error, then keep
     * reading a little, because closing with unread input sends a reset, which can destroy the error before the
     * peer reads it.
     */
    protected final void flush(boolean halfClose) throws IOException {
        if (writes.flush(channel) && halfClose && !outputShut) {
            outputShut = true;
            channel.shutdownOutput();
        }
    }

    /**
     * Reads and discards input after an error, so the peer is not reset before it reads the error.
     *
     * @return whether draining is over: the peer closed, or sent more than {@code limit} bytes since the error
     */
    protected final boolean drain(ByteBuffer buffer, long limit) throws IOException {
        buffer.clear();
        int read = channel.read(buffer);
        drainedBytes += Math.max(read, 0);
        return read < 0 || drainedBytes > limit;
    }

    /**
     * Sets what the selector watches for and keeps the read-paused gauge.
     *
     * @param paused whether not reading is backpressure (counted), rather than an error or the input's end
     */
    protected final void watch(boolean read, boolean write, boolean paused) {
        int ops = (read ? SelectionKey.OP_READ : 0) | (write ? SelectionKey.OP_WRITE : 0);
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
        if (paused != readPaused) {
            readPaused = paused;
            counts.readPaused(paused);
        }
    }

    /** A timeout as the peer's error message states it: whole seconds where they are. */
    protected static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
