package io.vantage.connector.nio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * The socket side every protocol's connection shares: the write queue, the selector interest and the
 * read-paused gauge, the half-close that lets a peer read an error before the socket goes, the bounded drain of
 * input after an error, and the one-time close. Bytes go through a {@link Transport}, plain TCP or TLS, so
 * subclasses see plaintext either way; they decide what the bytes mean and when to read.
 * Runs on the selector thread only.
 */
public abstract class SocketConnection implements NioConnection {

    private final Transport transport;
    private final SelectionKey key;
    private final String remoteAddress;
    private final ConnectionCounts counts;
    private final ListenerLog log;
    private final WriteQueue writes = new WriteQueue();
    private boolean outputShut;
    private long drainedBytes;
    private boolean readPaused;
    private boolean closed;
    /** What the subclass last asked to watch for, kept so the interest can be set again after a pause. */
    private boolean wantsRead;
    private boolean wantsWrite;

    /** A connection over plain TCP. */
    protected SocketConnection(SocketChannel channel, SelectionKey key, String remoteAddress,
                               ConnectionCounts counts, ListenerLog log) {
        this(channel, TransportFactory.PLAIN, key, remoteAddress, counts, log);
    }

    /** A connection over the transport {@code transports} makes for its socket (plain TCP or TLS). */
    protected SocketConnection(SocketChannel channel, TransportFactory transports, SelectionKey key,
                               String remoteAddress, ConnectionCounts counts, ListenerLog log) {
        this.transport = transports.open(channel, this);
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
        transport.close();
        counts.closed(readPaused);
        log.connectionClosed(remoteAddress, why);
        closed(why);
    }

    /** The connection has just closed, for whatever reason; subclasses let go of what waited on it. */
    protected void closed(String why) {
        // nothing waits on a plain connection
    }

    /** The plaintext stream to read from; writes go through {@link #writes()} and {@link #flush(boolean)}. */
    protected final Transport transport() {
        return transport;
    }

    protected final boolean writable() {
        return key.isWritable();
    }

    /** Whether there is something to read: the socket is ready, or the transport holds input already taken. */
    protected final boolean readable() {
        return key.isReadable() || wantsRead && transport.hasBufferedInput();
    }

    /** Reading is wanted and input waits inside the transport, where the selector cannot see it. */
    @Override
    public final boolean hasBufferedInput() {
        return !closed && wantsRead && transport.hasBufferedInput();
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
     * {@code halfClose} says an error was the last word, shuts the output: FIN (after TLS's close_notify) right
     * behind the error, then keep reading a little, because closing with unread input sends a reset, which can
     * destroy the error before the peer reads it.
     */
    protected final void flush(boolean halfClose) throws IOException {
        if (writes.flush(transport) && halfClose && !outputShut) {
            outputShut = transport.endOutput();
        }
    }

    /**
     * Reads and discards input after an error, so the peer is not reset before it reads the error.
     *
     * @return whether draining is over: the peer closed, or sent more than {@code limit} bytes since the error
     */
    protected final boolean drain(ByteBuffer buffer, long limit) throws IOException {
        buffer.clear();
        int read = transport.read(buffer);
        drainedBytes += Math.max(read, 0);
        return read < 0 || drainedBytes > limit;
    }

    /**
     * Sets what the selector watches for and keeps the read-paused gauge.
     *
     * @param paused whether not reading is backpressure (counted), rather than an error or the input's end
     */
    protected final void watch(boolean read, boolean write, boolean paused) {
        wantsRead = read;
        wantsWrite = write;
        applyInterest();
        if (paused != readPaused) {
            readPaused = paused;
            counts.readPaused(paused);
        }
    }

    /**
     * The transport has finished work it did off the selector thread (a TLS handshake's key exchange): moves on
     * with what that work made possible, then watches again for what the connection wants.
     */
    final void resume() throws IOException {
        if (closed) {
            return;
        }
        transport.flush();
        applyInterest();
    }

    private void applyInterest() {
        int ops = transport.interestOps(wantsRead, wantsWrite);
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    /** A timeout as the peer's error message states it: whole seconds where they are. */
    protected static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
