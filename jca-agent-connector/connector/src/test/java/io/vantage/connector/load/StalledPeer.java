package io.vantage.connector.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

import io.vantage.protocol.ErrorFrame;
import io.vantage.protocol.Frame;
import io.vantage.protocol.FrameCodec;
import io.vantage.protocol.FrameDecoder;
import io.vantage.protocol.Hello;
import io.vantage.protocol.ProtocolException;
import io.vantage.protocol.ProtocolVersions;

/**
 * A connection of an {@link AgentSwarm} that never completes its HELLO: a silent one sends nothing at all, a
 * slowloris sends a genuine HELLO one byte per trickle, far too slowly to finish it. The server owes each an
 * IDLE_TIMEOUT error and a close once the handshake timeout has passed; this records what came and when. Runs on
 * the swarm's selector thread only.
 */
final class StalledPeer {

    private final boolean slowloris;
    private final FrameDecoder decoder = new FrameDecoder(FrameCodec.DEFAULT_MAX_FRAME_BYTES);
    private final byte[] hello;
    private SocketChannel channel;
    private SelectionKey key;
    private long connectStartedAt;
    private boolean connected;
    private int helloBytesSent;
    private String error;
    private String unexpected;
    /**
     * From starting to connect to the server's close; -1 while open. Counted from before the connect, so that it
     * is never shorter than the server's own count from its accept.
     */
    private long closedAfterNanos = -1;

    StalledPeer(int index, boolean slowloris) {
        this.slowloris = slowloris;
        String agentId = "stalled-" + index;
        this.hello = FrameCodec.encode(new Hello(ProtocolVersions.MIN_SUPPORTED, ProtocolVersions.MAX_SUPPORTED,
                agentId, AgentSwarm.KEY, agentId + ".swarm.example.org", "slowloris-1.0"));
    }

    void connect(Selector selector, InetSocketAddress server) throws IOException {
        connectStartedAt = System.nanoTime();
        channel = SocketChannel.open();
        channel.configureBlocking(false);
        key = channel.register(selector, SelectionKey.OP_CONNECT, this);
        if (channel.connect(server)) {
            connected();
        }
    }

    boolean isConnected() {
        return connected;
    }

    boolean isClosed() {
        return closedAfterNanos >= 0;
    }

    long closedAfterNanos() {
        return closedAfterNanos;
    }

    /** The error the server sent, as "CODE: message"; {@code null} when none came. */
    String error() {
        return error;
    }

    /** Anything the server sent besides one error; {@code null} when nothing. */
    String unexpected() {
        return unexpected;
    }

    void onReady(ByteBuffer buffer, long now) {
        try {
            if (key.isConnectable()) {
                if (!channel.finishConnect()) {
                    return;
                }
                connected();
            }
            if (key.isValid() && key.isReadable()) {
                read(buffer, now);
            }
        } catch (IOException e) {
            if (!isConnected()) {
                unexpected = "could not connect: " + e;
            }
            // a reset is a close too; whether the error came before it is what the test judges
            closed(now);
        } catch (ProtocolException e) {
            unexpected = "undecodable bytes: " + e.getMessage();
            closed(now);
        }
    }

    /** A slowloris sends its next byte; it never gets to the last one before the handshake timeout. */
    void trickle(long now) {
        if (!slowloris || !isConnected() || isClosed() || helloBytesSent >= hello.length - 1) {
            return;
        }
        try {
            helloBytesSent += channel.write(ByteBuffer.wrap(hello, helloBytesSent, 1));
        } catch (IOException e) {
            closed(now);
        }
    }

    void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // the swarm is ending; the socket goes either way
            }
        }
    }

    private void connected() {
        connected = true;
        key.interestOps(SelectionKey.OP_READ);
    }

    private void read(ByteBuffer buffer, long now) throws IOException, ProtocolException {
        buffer.clear();
        if (channel.read(buffer) < 0) {
            closed(now);
            return;
        }
        buffer.flip();
        for (Frame frame : decoder.decode(buffer)) {
            if (error == null && frame instanceof ErrorFrame e) {
                error = e.code() + ": " + e.message();
            } else if (unexpected == null) {
                unexpected = frame.toString();
            }
        }
    }

    private void closed(long now) {
        if (isClosed()) {
            return;
        }
        closedAfterNanos = now - connectStartedAt;
        close();
    }
}
