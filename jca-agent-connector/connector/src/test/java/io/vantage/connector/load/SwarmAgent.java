package io.vantage.connector.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.List;

import io.vantage.protocol.Ack;
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

/**
 * One well-behaved agent of an {@link AgentSwarm}, on a non-blocking socket: says hello, sends its batches numbered
 * 1, 2, 3... and expects exactly one ACK per batch, in order; answers the server's pings and sends its own when
 * it has been quiet for a heartbeat, as the protocol asks. Anything else (an error, a closed connection, an ACK out
 * of turn) fails it. Runs on the swarm's selector thread only.
 */
final class SwarmAgent {

    /** Where the agent is; the swarm counts agents per state to know when a phase is over. */
    enum State { CONNECTING, AWAITING_WELCOME, SENDING, CAUGHT_UP, FAILED }

    private final int index;
    private final String agentId;
    private final SwarmTally tally;
    /** Answers are a few bytes each, so the decoder never holds more than a small frame. */
    private final FrameDecoder decoder = new FrameDecoder(FrameCodec.DEFAULT_MAX_FRAME_BYTES);
    private final ArrayDeque<ByteBuffer> output = new ArrayDeque<>();
    private SocketChannel channel;
    private SelectionKey key;
    private State state;
    private long heartbeatNanos;
    /** Batches 1 to this are to be sent and acknowledged. */
    private long target;
    private long sent;
    private long acked;
    private long lastSentAt;
    private long connectStartedAt;
    /** The nonce of our ping the server still owes a PONG for; 0 when none. */
    private long pingOwed;

    SwarmAgent(int index, String agentIdPrefix, SwarmTally tally) {
        this.index = index;
        this.agentId = agentIdPrefix + index;
        this.tally = tally;
    }

    String agentId() {
        return agentId;
    }

    void connect(Selector selector, InetSocketAddress server, long initialBatches) throws IOException {
        target = initialBatches;
        connectStartedAt = System.nanoTime();
        channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        key = channel.register(selector, SelectionKey.OP_CONNECT, this);
        moveTo(State.CONNECTING);
        if (channel.connect(server)) {
            connected();
        }
    }

    /** The selector reported the socket ready. */
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
            if (state != State.FAILED) {
                flush(now);
            }
        } catch (IOException e) {
            fail("I/O failed in state " + state + " after " + acked + " ACKs: " + e);
        } catch (ProtocolException e) {
            fail("the server sent an undecodable frame: " + e.getMessage());
        }
    }

    /** Sends one more batch on the open connection (a later round of the test). */
    void sendOneMore(long now) {
        if (state != State.CAUGHT_UP) {
            return;
        }
        target++;
        moveTo(State.SENDING);
        queueBatches();
        flushOrFail(now);
    }

    /** Pings when the agent has sent nothing for a heartbeat, as the protocol asks of an idle agent. */
    void heartbeat(long now) {
        if (state == State.CAUGHT_UP && pingOwed == 0 && now - lastSentAt >= heartbeatNanos) {
            pingOwed = now | 1;
            queue(new Ping(pingOwed));
            flushOrFail(now);
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
        tally.countConnected();
        queue(new Hello(ProtocolVersions.MIN_SUPPORTED, ProtocolVersions.MAX_SUPPORTED, agentId, AgentSwarm.KEY,
                agentId + ".swarm.example.org", "swarm-1.0"));
        moveTo(State.AWAITING_WELCOME);
        flushOrFail(System.nanoTime());
    }

    private void read(ByteBuffer buffer, long now) throws IOException, ProtocolException {
        buffer.clear();
        int read = channel.read(buffer);
        if (read < 0) {
            fail("the server closed the connection in state " + state + " after " + acked + " ACKs");
            return;
        }
        buffer.flip();
        List<Frame> frames = decoder.decode(buffer);
        for (Frame frame : frames) {
            if (state == State.FAILED) {
                return;
            }
            onFrame(frame, now);
        }
    }

    private void onFrame(Frame frame, long now) {
        if (state == State.AWAITING_WELCOME && frame instanceof Welcome welcome) {
            if (welcome.lastStoredSequence() != 0) {
                fail("WELCOME says batch " + welcome.lastStoredSequence() + " is stored already; this agent is new");
                return;
            }
            tally.countWelcomed(now - connectStartedAt);
            heartbeatNanos = welcome.heartbeatSeconds() * 1_000_000_000L;
            moveTo(State.SENDING);
            queueBatches();
        } else if (state == State.SENDING && frame instanceof Ack ack && ack.sequence() == acked + 1) {
            acked++;
            if (acked == target) {
                moveTo(State.CAUGHT_UP);
            }
        } else if (frame instanceof Ping ping && state != State.AWAITING_WELCOME) {
            queue(new Pong(ping.nonce()));
        } else if (frame instanceof Pong pong && pingOwed != 0 && pong.nonce() == pingOwed) {
            pingOwed = 0;
        } else {
            fail("got " + frame + " in state " + state + (state == State.AWAITING_WELCOME ? ", expecting WELCOME"
                    : ", expecting ACK " + (acked + 1) + " of " + target));
        }
    }

    private void queueBatches() {
        while (sent < target) {
            sent++;
            queue(batch(sent));
        }
    }

    /** Two samples, as small as a real agent's batch after a quiet interval. */
    private SampleBatch batch(long sequence) {
        long timestamp = 1_700_000_000_000L + sequence * 10_000L;
        return new SampleBatch(sequence, List.of(new Sample("cpu.user", timestamp, index % 100),
                new Sample("mem.used", timestamp, sequence)));
    }

    private void queue(Frame frame) {
        output.add(ByteBuffer.wrap(FrameCodec.encode(frame)));
    }

    private void flushOrFail(long now) {
        try {
            flush(now);
        } catch (IOException e) {
            fail("write failed in state " + state + ": " + e);
        }
    }

    private void flush(long now) throws IOException {
        if (state == State.CONNECTING) {
            return;
        }
        boolean wrote = false;
        while (!output.isEmpty()) {
            ByteBuffer head = output.peek();
            channel.write(head);
            wrote = true;
            if (head.hasRemaining()) {
                break;
            }
            output.poll();
        }
        if (wrote) {
            lastSentAt = now;
        }
        key.interestOps(SelectionKey.OP_READ | (output.isEmpty() ? 0 : SelectionKey.OP_WRITE));
    }

    private void fail(String why) {
        if (state == State.FAILED) {
            return;
        }
        moveTo(State.FAILED);
        tally.failed(agentId + ": " + why);
        close();
    }

    private void moveTo(State next) {
        tally.moved(state, next);
        state = next;
    }
}
