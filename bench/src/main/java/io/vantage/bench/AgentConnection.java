package io.vantage.bench;

import io.vantage.protocol.Ack;
import io.vantage.protocol.ErrorCode;
import io.vantage.protocol.ErrorFrame;
import io.vantage.protocol.Frame;
import io.vantage.protocol.FrameCodec;
import io.vantage.protocol.FrameDecoder;
import io.vantage.protocol.Hello;
import io.vantage.protocol.Ping;
import io.vantage.protocol.Pong;
import io.vantage.protocol.ProtocolException;
import io.vantage.protocol.ProtocolVersions;
import io.vantage.protocol.Sample;
import io.vantage.protocol.SampleBatch;
import io.vantage.protocol.Welcome;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated agent's protocol state, independent of I/O: it produces the bytes to send (HELLO, BATCHes, PONGs)
 * and consumes the frames received, matching each ACK to its batch to measure send-to-ACK time. The event loop in
 * {@link AgentLoad} moves the bytes.
 */
final class AgentConnection {

    /** Receives per-batch outcomes. */
    interface Listener {
        void acked(AgentConnection connection, int samples, long sentNanos, long ackNanos);

        void error(AgentConnection connection, ErrorFrame error);

        /** The server could not store a batch now; it is being sent again, as a real agent does. */
        void resent(AgentConnection connection, int samples);
    }

    private record InFlight(long sequence, int samples, long sentNanos, byte[] frame) {
    }

    final int index;
    private final String agentId;
    private final String key;
    private final String[] metrics;
    private final long[] nextTimestamp;
    private final FrameDecoder decoder = new FrameDecoder(FrameCodec.DEFAULT_MAX_FRAME_BYTES);
    private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    private final ArrayDeque<ByteBuffer> outbound = new ArrayDeque<>();
    /** The connection's key in the load's selector, set when it is opened. */
    java.nio.channels.SelectionKey selectionKey;
    private long sequence;
    private boolean welcomed;
    private boolean failed;
    private int metricCursor;

    /**
     * @param metrics    the series this agent writes, cycled through batch by batch
     * @param baseMillis the first timestamp of every series; each series then advances 1 ms per sample, so every
     *                   sample is distinct (storage is keyed by node, metric and timestamp)
     */
    AgentConnection(int index, String agentId, String key, String[] metrics, long baseMillis) {
        this.index = index;
        this.agentId = agentId;
        this.key = key;
        this.metrics = metrics;
        this.nextTimestamp = new long[metrics.length];
        java.util.Arrays.fill(nextTimestamp, baseMillis);
    }

    void start() {
        outbound.add(ByteBuffer.wrap(FrameCodec.encode(new Hello(ProtocolVersions.MIN_SUPPORTED,
                ProtocolVersions.MAX_SUPPORTED, agentId, key, hostname(index), "bench"))));
    }

    /**
     * The hostname an agent says in its HELLO, which names its node: {@code bench-<index>}, and {@code bench-probe}
     * for the probe (a negative index), as the probe is registered.
     */
    static String hostname(int index) {
        return index < 0 ? "bench-probe" : "bench-" + index;
    }

    boolean welcomed() {
        return welcomed;
    }

    boolean failed() {
        return failed;
    }

    void markFailed() {
        failed = true;
    }

    int unacknowledged() {
        return inFlight.size();
    }

    /** Queues a batch of {@code samples} samples; returns the encoded size. */
    int sendBatch(int samples, long nowNanos) {
        List<Sample> batch = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            int m = metricCursor;
            metricCursor = (metricCursor + 1) % metrics.length;
            batch.add(new Sample(metrics[m], nextTimestamp[m]++, (double) (i % 100)));
        }
        byte[] bytes = FrameCodec.encode(new SampleBatch(++sequence, batch));
        outbound.add(ByteBuffer.wrap(bytes));
        inFlight.add(new InFlight(sequence, samples, nowNanos, bytes));
        return bytes.length;
    }

    /** Queues one sample as its own batch with the given timestamp (the latency probe). */
    void sendSample(String metric, long epochMillis, double value, long nowNanos) {
        byte[] bytes = FrameCodec.encode(new SampleBatch(++sequence, List.of(new Sample(metric, epochMillis, value))));
        outbound.add(ByteBuffer.wrap(bytes));
        inFlight.add(new InFlight(sequence, 1, nowNanos, bytes));
    }

    ArrayDeque<ByteBuffer> outbound() {
        return outbound;
    }

    /** Consumes received bytes; returns false when the connection must close. */
    boolean received(ByteBuffer bytes, long nowNanos, Listener listener) {
        List<Frame> frames;
        try {
            frames = decoder.decode(bytes);
        } catch (ProtocolException e) {
            failed = true;
            return false;
        }
        for (Frame frame : frames) {
            if (frame instanceof Welcome) {
                welcomed = true;
            } else if (frame instanceof Ack ack) {
                InFlight first = inFlight.poll();
                if (first == null || first.sequence() != ack.sequence()) {
                    failed = true;
                    return false;
                }
                listener.acked(this, first.samples(), first.sentNanos(), nowNanos);
            } else if (frame instanceof ErrorFrame error && error.code() == ErrorCode.BATCH_NOT_STORED
                    && !inFlight.isEmpty()) {
                // answers come in order, so this is the oldest batch; it goes again, after any already queued
                // again, and the send-to-ACK time still counts from its first sending
                InFlight refused = inFlight.poll();
                outbound.add(ByteBuffer.wrap(refused.frame()));
                inFlight.add(refused);
                listener.resent(this, refused.samples());
            } else if (frame instanceof ErrorFrame error) {
                failed = true;
                listener.error(this, error);
                if (error.code().closesConnection()) {
                    return false;
                }
            } else if (frame instanceof Ping ping) {
                outbound.add(ByteBuffer.wrap(FrameCodec.encode(new Pong(ping.nonce()))));
            }
        }
        return true;
    }
}
