package io.vantage.connector.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;

import io.vantage.connector.logging.ConnectorLogger;
import io.vantage.connector.nio.SocketConnection;
import io.vantage.connector.nio.TransportFactory;
import io.vantage.protocol.ErrorCode;
import io.vantage.protocol.ErrorFrame;
import io.vantage.protocol.Frame;
import io.vantage.protocol.FrameCodec;
import io.vantage.protocol.FrameDecoder;
import io.vantage.protocol.ProtocolException;

/**
 * One agent's socket: reads and decodes frames for its {@link AgentSession}, writes the answers, decides whether
 * to read at all (backpressure) and enforces the handshake and idle timeouts. Memory per connection stays bounded:
 * one frame in the decoder, a capped amount of queued answers (plus, over TLS, the session's buffers: see
 * {@link io.vantage.connector.nio.ServerTls}). The socket plumbing, plain or TLS, is {@link SocketConnection}'s.
 * Runs on the selector thread only.
 */
final class AgentConnection extends SocketConnection {

    /** Answers queued beyond this stop reading: an agent that pings but never reads cannot grow the queue. */
    private static final long WRITE_HIGH_WATER = 64 * 1024;
    /** After an error, arriving input is discarded up to this much so the agent reads the error, not a reset. */
    private static final long LINGER_DRAIN_BYTES = 256 * 1024;

    private final AgentServerSettings settings;
    private final FrameDecoder decoder;
    private final AgentSession session;
    private final long acceptedAt;
    /** When the agent last completed a frame or the server last answered it; partial frames do not count. */
    private long lastLife;
    private boolean closing;
    private String closingReason;
    private long closeDeadline;

    AgentConnection(SocketChannel channel, TransportFactory transports, SelectionKey key, String remoteAddress,
                    AgentServerSettings settings, ServerCounters counters, ListenerCalls calls,
                    AgentRequestRouter router, long now) {
        super(channel, transports, key, remoteAddress, counters, AgentListenerLog.INSTANCE);
        this.settings = settings;
        this.decoder = new FrameDecoder(settings.maxFrameBytes());
        this.session = new AgentSession(this, calls, settings, counters, router);
        this.acceptedAt = now;
        this.lastLife = now;
    }

    @Override
    public void onReady(ByteBuffer buffer) throws IOException {
        if (isOpen() && writable()) {
            flush();
        }
        if (isOpen() && readable()) {
            if (closing) {
                if (drain(buffer, LINGER_DRAIN_BYTES)) {
                    closeNow(closingReason);
                }
            } else {
                read(buffer);
            }
        }
        updateInterest();
    }

    /** The agent is no longer reachable here: its requests fail, and it is no longer found by its id. */
    @Override
    protected void closed(String why) {
        session.closed(why);
    }

    /** Nothing is lost: an agent sends every unacknowledged batch again when it reconnects. */
    @Override
    public long heldOnStop() {
        return 0;
    }

    void send(Frame frame) {
        if (closing || !isOpen()) {
            return;
        }
        writes().add(FrameCodec.encode(frame));
        flush();
        updateInterest();
    }

    /**
     * Sends the error, stops listening to the agent and closes once the error is out (or the linger ends). Before
     * a TLS handshake has finished no frame can be sent, so the connection closes at once.
     */
    void fail(ErrorFrame error) {
        if (closing || !isOpen()) {
            return;
        }
        if (!transport().established()) {
            closeNow(error.code() + " before the TLS handshake finished: " + error.message());
            return;
        }
        closing = true;
        closingReason = error.code() + ": " + error.message();
        // nothing the agent says is read any more, so its requests can fail now rather than when the socket goes
        session.closed(closingReason);
        closeDeadline = System.nanoTime() + settings.handshakeTimeout().toNanos();
        writes().add(FrameCodec.encode(error));
        flush();
        updateInterest();
    }

    /** The server answered something: the agent's idle clock restarts, and it may be read from again. */
    void answered() {
        lastLife = System.nanoTime();
        updateInterest();
    }

    @Override
    public void tick(long now) {
        if (!isOpen()) {
            return;
        }
        if (closing) {
            if (now - closeDeadline >= 0) {
                closeNow("gave up waiting for the agent to take the error (" + closingReason + ")");
            }
        } else if (session.awaitingHello() && now - acceptedAt >= settings.handshakeTimeout().toNanos()) {
            timedOut("no HELLO within " + describe(settings.handshakeTimeout()));
        } else if (session.idleClockRunning() && now - lastLife >= settings.idleTimeout().toNanos()) {
            timedOut("no frame within " + describe(settings.idleTimeout()));
        } else {
            session.tick(now);
        }
    }

    private void read(ByteBuffer buffer) throws IOException {
        buffer.clear();
        if (transport().read(buffer) < 0) {
            closeNow("closed by the agent");
            return;
        }
        buffer.flip();
        List<Frame> frames;
        try {
            frames = decoder.decode(buffer);
        } catch (ProtocolException e) {
            ConnectorLogger.protocolViolation(remoteAddress(), e.code(), e.getMessage());
            fail(e.toFrame());
            return;
        }
        if (!frames.isEmpty()) {
            lastLife = System.nanoTime();
        }
        for (Frame frame : frames) {
            if (closing || !isOpen()) {
                return;
            }
            session.onFrame(frame);
        }
    }

    private void flush() {
        try {
            flush(closing);
        } catch (IOException e) {
            closeNow("write failed: " + e.getMessage());
        }
    }

    private void updateInterest() {
        if (!isOpen()) {
            return;
        }
        boolean read = closing ? outputShut()
                : session.wantsInput() && writes().pendingBytes() < WRITE_HIGH_WATER;
        watch(read, !writes().isEmpty(), !read && !closing);
    }

    private void timedOut(String why) {
        ConnectorLogger.connectionTimedOut(remoteAddress(), why);
        fail(new ErrorFrame(ErrorCode.IDLE_TIMEOUT, why));
    }
}
