package io.vantage.connector.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;

import io.vantage.connector.logging.ConnectorLogger;
import io.vantage.protocol.ErrorCode;
import io.vantage.protocol.ErrorFrame;
import io.vantage.protocol.Frame;
import io.vantage.protocol.FrameCodec;
import io.vantage.protocol.FrameDecoder;
import io.vantage.protocol.ProtocolException;

/**
 * One agent's socket: reads and decodes frames for its {@link AgentSession}, writes the answers, decides whether
 * to read at all (backpressure) and enforces the handshake and idle timeouts. Memory per connection stays bounded:
 * one frame in the decoder, a capped amount of queued answers. Runs on the selector thread only.
 */
final class AgentConnection {

    /** Answers queued beyond this stop reading: an agent that pings but never reads cannot grow the queue. */
    private static final long WRITE_HIGH_WATER = 64 * 1024;
    /** After an error, arriving input is discarded up to this much so the agent reads the error, not a reset. */
    private static final long LINGER_DRAIN_BYTES = 256 * 1024;

    private final SocketChannel channel;
    private final SelectionKey key;
    private final String remoteAddress;
    private final AgentServerSettings settings;
    private final ServerCounters counters;
    private final FrameDecoder decoder;
    private final WriteQueue writes = new WriteQueue();
    private final AgentSession session;
    private final long acceptedAt;
    /** When the agent last completed a frame or the server last answered it; partial frames do not count. */
    private long lastLife;
    private boolean closing;
    private String closingReason;
    private long closeDeadline;
    private boolean outputShut;
    private long drainedBytes;
    private boolean readPaused;
    private boolean closed;

    AgentConnection(SocketChannel channel, SelectionKey key, String remoteAddress, AgentServerSettings settings,
                    ServerCounters counters, ListenerCalls calls, long now) {
        this.channel = channel;
        this.key = key;
        this.remoteAddress = remoteAddress;
        this.settings = settings;
        this.counters = counters;
        this.decoder = new FrameDecoder(settings.maxFrameBytes());
        this.session = new AgentSession(this, calls, settings, counters);
        this.acceptedAt = now;
        this.lastLife = now;
    }

    String remoteAddress() {
        return remoteAddress;
    }

    boolean isOpen() {
        return !closed;
    }

    /** Handles what the selector reported ready; {@code buffer} is the selector thread's shared read buffer. */
    void onReady(ByteBuffer buffer) throws IOException {
        if (!closed && key.isWritable()) {
            flush();
        }
        if (!closed && key.isReadable()) {
            if (closing) {
                drain(buffer);
            } else {
                read(buffer);
            }
        }
        updateInterest();
    }

    void send(Frame frame) {
        if (closing || closed) {
            return;
        }
        writes.add(FrameCodec.encode(frame));
        flush();
        updateInterest();
    }

    /** Sends the error, stops listening to the agent and closes once the error is out (or the linger ends). */
    void fail(ErrorFrame error) {
        if (closing || closed) {
            return;
        }
        closing = true;
        closingReason = error.code() + ": " + error.message();
        closeDeadline = System.nanoTime() + settings.handshakeTimeout().toNanos();
        writes.add(FrameCodec.encode(error));
        flush();
        updateInterest();
    }

    /** The server answered something: the agent's idle clock restarts, and it may be read from again. */
    void answered() {
        lastLife = System.nanoTime();
        updateInterest();
    }

    void checkTimeouts(long now) {
        if (closed) {
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
        }
    }

    void closeNow(String why) {
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
        counters.openConnections.decrementAndGet();
        if (readPaused) {
            counters.readPausedConnections.decrementAndGet();
        }
        ConnectorLogger.connectionClosed(remoteAddress, why);
    }

    private void read(ByteBuffer buffer) throws IOException {
        buffer.clear();
        if (channel.read(buffer) < 0) {
            closeNow("closed by the agent");
            return;
        }
        buffer.flip();
        List<Frame> frames;
        try {
            frames = decoder.decode(buffer);
        } catch (ProtocolException e) {
            ConnectorLogger.protocolViolation(remoteAddress, e.code(), e.getMessage());
            fail(e.toFrame());
            return;
        }
        if (!frames.isEmpty()) {
            lastLife = System.nanoTime();
        }
        for (Frame frame : frames) {
            if (closing || closed) {
                return;
            }
            session.onFrame(frame);
        }
    }

    private void drain(ByteBuffer buffer) throws IOException {
        buffer.clear();
        int read = channel.read(buffer);
        drainedBytes += Math.max(read, 0);
        if (read < 0 || drainedBytes > LINGER_DRAIN_BYTES) {
            closeNow(closingReason);
        }
    }

    private void flush() {
        try {
            if (writes.flush(channel) && closing && !outputShut) {
                outputShut = true;
                // FIN right behind the error, then keep reading a little: closing with unread input sends a reset,
                // which can destroy the error before the agent reads it
                channel.shutdownOutput();
            }
        } catch (IOException e) {
            closeNow("write failed: " + e.getMessage());
        }
    }

    private void updateInterest() {
        if (closed) {
            return;
        }
        boolean read = closing ? outputShut
                : session.wantsInput() && writes.pendingBytes() < WRITE_HIGH_WATER;
        int ops = (read ? SelectionKey.OP_READ : 0) | (writes.isEmpty() ? 0 : SelectionKey.OP_WRITE);
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
        boolean paused = !read && !closing;
        if (paused != readPaused) {
            readPaused = paused;
            counters.readPausedConnections.addAndGet(paused ? 1 : -1);
        }
    }

    private void timedOut(String why) {
        ConnectorLogger.connectionTimedOut(remoteAddress, why);
        fail(new ErrorFrame(ErrorCode.IDLE_TIMEOUT, why));
    }

    private static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
