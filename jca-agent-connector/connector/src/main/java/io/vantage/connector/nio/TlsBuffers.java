package io.vantage.connector.nio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

/**
 * The three buffers one TLS session needs between the socket and the plaintext: encrypted input not yet
 * decrypted, decrypted input not yet read, and encrypted output not yet written. Each is allocated when first
 * needed, at the size the session asks for (about 16.7 KiB), and dropped by {@link #trim()} as soon as it is empty:
 * an idle connection holds none, a busy one up to three. A session that asks for more (BUFFER_OVERFLOW or
 * UNDERFLOW with a full buffer) gets a larger one, up to {@link #MAX_GROWTH} times its own size and no further,
 * so a peer cannot make the server hold more. Between calls every buffer is in read mode: its content runs from
 * position to limit. Selector thread only.
 */
final class TlsBuffers {

    static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    /** Java's sessions never ask for more than their stated sizes; the margin is for other providers. */
    private static final int MAX_GROWTH = 2;
    private static final int RECORD_HEADER_BYTES = 5;

    private final SSLEngine engine;
    private ByteBuffer netIn;
    private ByteBuffer appIn;
    private ByteBuffer netOut;

    TlsBuffers(SSLEngine engine) {
        this.engine = engine;
    }

    /** Encrypted input, ready to unwrap. */
    ByteBuffer netIn() {
        return netIn == null ? EMPTY : netIn;
    }

    /** Reads the socket into the encrypted input; returns what {@link SocketChannel#read} returned. */
    int fillNetIn(SocketChannel channel) throws IOException {
        if (netIn == null) {
            netIn = empty(engine.getSession().getPacketBufferSize());
        } else if (netIn.remaining() == netIn.capacity()) {
            netIn = grown(netIn, engine.getSession().getPacketBufferSize());
        }
        netIn.compact();
        try {
            return channel.read(netIn);
        } finally {
            netIn.flip();
        }
    }

    /** Whether the encrypted input holds a whole TLS record, which can be unwrapped without the socket. */
    boolean netInHasRecord() {
        if (netIn == null || netIn.remaining() < RECORD_HEADER_BYTES) {
            return false;
        }
        int at = netIn.position();
        int length = (netIn.get(at + 3) & 0xFF) << 8 | netIn.get(at + 4) & 0xFF;
        return netIn.remaining() >= RECORD_HEADER_BYTES + length;
    }

    /** The first byte of encrypted input not yet unwrapped, or -1 when there is none. */
    int firstNetInByte() {
        return netIn == null || !netIn.hasRemaining() ? -1 : netIn.get(netIn.position()) & 0xFF;
    }

    boolean hasAppIn() {
        return appIn != null && appIn.hasRemaining();
    }

    /** Where to unwrap into when the reader's buffer is too small; {@link #appInUnwrapped()} after. */
    ByteBuffer appInForUnwrap() {
        if (appIn == null) {
            appIn = empty(engine.getSession().getApplicationBufferSize());
        }
        return appIn.compact();
    }

    void appInUnwrapped() {
        appIn.flip();
    }

    /** The session needs more room for decrypted input than the buffer has. */
    void growAppIn() throws SSLException {
        appIn = grown(appIn == null ? EMPTY : appIn, engine.getSession().getApplicationBufferSize());
    }

    /** Moves decrypted input to {@code dst}; returns how many bytes. */
    int drainAppIn(ByteBuffer dst) {
        if (!hasAppIn()) {
            return 0;
        }
        int count = Math.min(appIn.remaining(), dst.remaining());
        ByteBuffer part = appIn.slice();
        part.limit(count);
        dst.put(part);
        appIn.position(appIn.position() + count);
        return count;
    }

    boolean hasNetOut() {
        return netOut != null && netOut.hasRemaining();
    }

    /** Where to wrap into; {@link #netOutWrapped()} after. */
    ByteBuffer netOutForWrap() {
        if (netOut == null) {
            netOut = empty(engine.getSession().getPacketBufferSize());
        }
        return netOut.compact();
    }

    void netOutWrapped() {
        netOut.flip();
    }

    /** The session needs more room for one record than the (empty) output buffer has. */
    void growNetOut() throws SSLException {
        netOut = grown(netOut == null ? EMPTY : netOut, engine.getSession().getPacketBufferSize());
    }

    /** Writes encrypted output; returns whether none is left. */
    boolean writeNetOut(SocketChannel channel) throws IOException {
        if (!hasNetOut()) {
            return true;
        }
        channel.write(netOut);
        return !netOut.hasRemaining();
    }

    /** Drops the buffers that are empty, so that a quiet connection holds no memory for TLS beyond its engine. */
    void trim() {
        if (netIn != null && !netIn.hasRemaining()) {
            netIn = null;
        }
        if (appIn != null && !appIn.hasRemaining()) {
            appIn = null;
        }
        if (netOut != null && !netOut.hasRemaining()) {
            netOut = null;
        }
    }

    /** The bytes of buffer this session holds now, whether or not they hold data. */
    int allocatedBytes() {
        return (netIn == null ? 0 : netIn.capacity()) + (appIn == null ? 0 : appIn.capacity())
                + (netOut == null ? 0 : netOut.capacity());
    }

    void release() {
        netIn = null;
        appIn = null;
        netOut = null;
    }

    private static ByteBuffer empty(int capacity) {
        return ByteBuffer.allocate(capacity).flip();
    }

    /** A larger copy of {@code buffer}, in read mode with the same content. */
    private static ByteBuffer grown(ByteBuffer buffer, int sessionSize) throws SSLException {
        int capacity = Math.max(sessionSize, buffer.capacity() * 2);
        if (capacity > sessionSize * MAX_GROWTH) {
            throw new SSLException("the TLS session asks for buffers over " + MAX_GROWTH + " times its "
                    + sessionSize + " bytes");
        }
        ByteBuffer larger = ByteBuffer.allocate(capacity);
        larger.put(buffer);
        return larger.flip();
    }
}
