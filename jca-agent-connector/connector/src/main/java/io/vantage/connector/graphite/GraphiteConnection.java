package io.vantage.connector.graphite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.vantage.connector.logging.ConnectorLogger;
import io.vantage.connector.nio.SocketConnection;

/**
 * One Graphite sender's socket: reads bytes into lines for its {@link GraphiteSession}, stops reading while a batch
 * is with the application, closes an idle connection, and ends a hopeless one with a single {@code ERROR} line.
 * Whatever valid lines arrived before an error, an idle timeout or the sender's close are still delivered before
 * the socket is closed. The socket plumbing itself is {@link SocketConnection}'s. Runs on the selector thread only.
 */
final class GraphiteConnection extends SocketConnection implements LineFramer.LineSink {

    /**
     * The shortest line that can enter a batch, {@code "a 1 1\n"}. A read of {@code n} bytes therefore completes at
     * most {@code 1 + (n - 1) / 6} valid lines (the first may finish a line begun earlier), which is how reads are
     * sized so that nothing read ever has to wait outside the line buffer and the batches.
     */
    static final int SHORTEST_LINE_BYTES = 6;
    /** After an ERROR, input is discarded up to this much so the sender reads the error rather than a reset. */
    private static final long LINGER_DRAIN_BYTES = 64 * 1024;
    private static final Duration LINGER = Duration.ofSeconds(5);

    private final GraphiteCounters counters;
    private final long idleNanos;
    private final String idleReason;
    private final LineFramer framer;
    private final GraphiteSession session;
    /** When the sender last completed a line, or the application last finished with one of its batches. */
    private long lastLineAt;
    private long readAt;
    private boolean endOfInput;
    private String closeReason = "closed by the sender";
    private boolean failing;
    private boolean lingerOver;
    private long lingerDeadline;

    GraphiteConnection(SocketChannel channel, SelectionKey key, String remoteAddress, GraphiteServerSettings settings,
                       GraphiteCounters counters, GraphiteDeliveries deliveries, long now) {
        super(channel, key, remoteAddress, counters, GraphiteListenerLog.INSTANCE);
        this.counters = counters;
        this.idleNanos = settings.idleTimeout().toNanos();
        this.idleReason = "no complete line within " + describe(settings.idleTimeout());
        this.framer = new LineFramer(settings.maxLineBytes());
        this.session = new GraphiteSession(this, settings, counters, deliveries);
        this.lastLineAt = now;
    }

    /** The lines received and not yet stored: stopping loses them, as Graphite has no acknowledgement. */
    @Override
    public long heldOnStop() {
        return session.linesHeld();
    }

    @Override
    public void onReady(ByteBuffer buffer) {
        if (isOpen() && writable()) {
            writeError();
        }
        if (isOpen() && readable()) {
            if (failing) {
                drainInput(buffer);
            } else {
                read(buffer);
            }
        }
        afterChange();
    }

    @Override
    public void line(byte[] bytes, int length) throws FatalInputException {
        lastLineAt = readAt;
        session.onLine(bytes, length, readAt);
    }

    @Override
    public void tick(long now) {
        if (!isOpen()) {
            return;
        }
        session.tick(now);
        if (!failing && !endOfInput && session.wantsInput() && now - lastLineAt >= idleNanos) {
            fail(idleReason);
        }
        afterChange();
    }

    /** The application finished with a batch: the wait was ours, so the sender's idle clock starts over. */
    void settled() {
        lastLineAt = System.nanoTime();
        afterChange();
    }

    private void read(ByteBuffer buffer) {
        long limit = (long) session.lineAllowance() * SHORTEST_LINE_BYTES - (SHORTEST_LINE_BYTES - 1);
        buffer.clear();
        buffer.limit((int) Math.min(buffer.capacity(), limit));
        int read;
        try {
            read = transport().read(buffer);
        } catch (IOException e) {
            // a reset still leaves the lines already received, and they are delivered like after a clean close
            endOfInput("connection reset: " + e.getMessage());
            return;
        }
        if (read < 0) {
            endOfInput("closed by the sender");
            return;
        }
        buffer.flip();
        readAt = System.nanoTime();
        try {
            framer.feed(buffer, this);
        } catch (FatalInputException e) {
            fail(e.getMessage());
        }
    }

    private void endOfInput(String why) {
        endOfInput = true;
        closeReason = why;
        if (framer.pending() > 0) {
            framer.discard();
            session.onTruncatedLine();
        }
        session.finish();
    }

    /** Sends one ERROR line and stops taking lines; closes once the error is out and buffered lines are delivered. */
    private void fail(String reason) {
        ConnectorLogger.graphiteConnectionFailed(remoteAddress(), reason);
        counters.connectionsFailed.incrementAndGet();
        failing = true;
        closeReason = "ERROR " + reason;
        framer.discard();
        session.finish();
        writes().add(("ERROR " + reason + "\n").getBytes(StandardCharsets.US_ASCII));
        lingerDeadline = System.nanoTime() + LINGER.toNanos();
        writeError();
    }

    private void writeError() {
        try {
            flush(true);
        } catch (IOException e) {
            // the sender is gone: nothing more to write or drain, only the buffered lines to deliver
            giveUpOutput();
            lingerOver = true;
        }
    }

    private void drainInput(ByteBuffer buffer) {
        try {
            if (drain(buffer, LINGER_DRAIN_BYTES)) {
                lingerOver = true;
            }
        } catch (IOException e) {
            lingerOver = true;
        }
    }

    /** Closes once nothing is left to do, else sets what the selector should watch for. */
    private void afterChange() {
        if (!isOpen()) {
            return;
        }
        if (session.done() && (failing ? outputShut() && lingerOver || System.nanoTime() - lingerDeadline >= 0
                : endOfInput)) {
            closeNow(closeReason);
            return;
        }
        boolean reading = failing ? outputShut() && !lingerOver : !endOfInput && session.wantsInput();
        watch(reading, failing && !outputShut(), !failing && !endOfInput && !session.wantsInput());
    }
}
