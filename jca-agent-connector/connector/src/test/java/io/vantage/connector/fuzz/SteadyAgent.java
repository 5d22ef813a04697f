package io.vantage.connector.fuzz;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import io.vantage.protocol.Ack;
import io.vantage.protocol.Frame;
import io.vantage.protocol.FrameCodec;
import io.vantage.protocol.FrameReader;
import io.vantage.protocol.Hello;
import io.vantage.protocol.Ping;
import io.vantage.protocol.Pong;
import io.vantage.protocol.ProtocolException;
import io.vantage.protocol.ProtocolVersions;
import io.vantage.protocol.Sample;
import io.vantage.protocol.SampleBatch;
import io.vantage.protocol.Welcome;

/**
 * A well-behaved agent that keeps reporting while the hostile connections rage: one connection, a few batches in
 * flight, now and then a ping, every batch numbered 1, 2, 3... It expects exactly one ACK per batch, in order, and
 * a PONG per ping; anything else, or a silence past the read timeout, is a failure. Runs until {@link #stop()},
 * then waits for the answers still owed.
 */
public final class SteadyAgent implements Runnable {

    private static final int WINDOW = 3;
    private static final int PACE_MILLIS = 15;
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private final String agentId;
    private final InetSocketAddress server;
    private final Random random;
    private final SocketLayer layer;
    private final AtomicLong acked = new AtomicLong();
    private final List<String> failures = new ArrayList<>();
    private volatile boolean running = true;

    public SteadyAgent(String agentId, InetSocketAddress server, long seed) {
        this(agentId, server, seed, SocketLayer.PLAIN);
    }

    /** @param layer what to put over the connected socket: nothing, or TLS for the TLS listener */
    public SteadyAgent(String agentId, InetSocketAddress server, long seed, SocketLayer layer) {
        this.agentId = agentId;
        this.server = server;
        this.random = new Random(seed);
        this.layer = layer;
    }

    public String agentId() {
        return agentId;
    }

    /** Batches acknowledged so far; they are numbered 1 to this. */
    public long acked() {
        return acked.get();
    }

    /** Asks the agent to stop sending; it still reads every answer it is owed. */
    public void stop() {
        running = false;
    }

    /** What went wrong; read it after the agent's thread has ended. */
    public synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void run() {
        try (Socket socket = new Socket()) {
            socket.connect(server, READ_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            Socket stream = layer.over(socket, server);
            OutputStream out = stream.getOutputStream();
            FrameReader in = new FrameReader(stream.getInputStream(), FrameCodec.DEFAULT_MAX_FRAME_BYTES);
            out.write(FrameCodec.encode(new Hello(ProtocolVersions.MIN_SUPPORTED, ProtocolVersions.MAX_SUPPORTED,
                    agentId, FuzzListener.KEY, agentId + ".example.org", "steady-1.0")));
            Frame welcome = in.read();
            if (!(welcome instanceof Welcome)) {
                fail("expected WELCOME, got " + welcome);
                return;
            }
            report(out, in);
        } catch (IOException | ProtocolException e) {
            fail("after " + acked() + " acknowledged batches: " + e);
        }
    }

    private void report(OutputStream out, FrameReader in) throws IOException, ProtocolException {
        Queue<Long> unacked = new ArrayDeque<>();
        Queue<Long> pings = new ArrayDeque<>();
        long next = 1;
        while (running || !unacked.isEmpty() || !pings.isEmpty()) {
            while (running && unacked.size() < WINDOW) {
                out.write(FrameCodec.encode(batch(next)));
                unacked.add(next++);
                if (random.nextInt(20) == 0) {
                    long nonce = random.nextLong();
                    out.write(FrameCodec.encode(new Ping(nonce)));
                    pings.add(nonce);
                }
            }
            out.flush();
            Frame frame = in.read();
            if (frame instanceof Ack ack && !unacked.isEmpty() && ack.sequence() == unacked.peek()) {
                unacked.poll();
                acked.incrementAndGet();
            } else if (frame instanceof Pong pong && !pings.isEmpty() && pong.nonce() == pings.peek()) {
                pings.poll();
            } else {
                fail("got " + frame + " while owed ACKs for " + unacked + " and PONGs for " + pings);
                return;
            }
            if (acked() % WINDOW == 0) {
                pause();
            }
        }
    }

    private SampleBatch batch(long sequence) {
        int size = 1 + random.nextInt(20);
        List<Sample> samples = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            samples.add(new Sample("steady.metric" + i, 1_700_000_000_000L + sequence * 1_000 + i,
                    random.nextDouble() * 100));
        }
        return new SampleBatch(sequence, samples);
    }

    private void pause() {
        try {
            Thread.sleep(PACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private synchronized void fail(String what) {
        failures.add(agentId + ": " + what);
    }
}
