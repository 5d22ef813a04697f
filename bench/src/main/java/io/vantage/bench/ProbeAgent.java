package io.vantage.bench;

import io.vantage.protocol.ErrorFrame;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * One agent on a connection of its own that pushes single samples when told to: the alert benchmark's probe. Unlike
 * the agents of {@link AgentLoad}, it does not share a thread with the background load, so a busy load loop never
 * delays a probe push. The caller writes; a daemon thread reads, matching ACKs (their send-to-ACK times are kept)
 * and answering PINGs. The protocol itself is {@link AgentConnection}'s.
 */
final class ProbeAgent implements AutoCloseable, AgentConnection.Listener {

    private final AgentConnection connection;
    private final Socket socket;
    private final OutputStream out;
    private final Latencies acks = new Latencies();
    private long lastEpochMillis;
    private volatile String failure;

    private ProbeAgent(AgentConnection connection, Socket socket) throws IOException {
        this.connection = connection;
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /**
     * Connects and says HELLO as the agent {@code credentials} ({@code id:key}); returns once WELCOMEd.
     *
     * @throws IOException if the connection fails or is not welcomed within 60 s
     */
    static ProbeAgent connect(String host, int port, String credentials) throws IOException, InterruptedException {
        String[] idKey = credentials.split(":", 2);
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 10_000);
        ProbeAgent probe = new ProbeAgent(new AgentConnection(-1, idKey[0], idKey[1], new String[0], 0), socket);
        Thread reader = new Thread(probe::read, "probe-reader");
        reader.setDaemon(true);
        reader.start();
        synchronized (probe) {
            probe.connection.start();
            probe.flush();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            synchronized (probe) {
                if (probe.connection.welcomed()) {
                    return probe;
                }
            }
            if (probe.failure != null) {
                break;
            }
            Thread.sleep(10);
        }
        probe.close();
        throw new IOException("the probe agent was not welcomed: "
                + (probe.failure == null ? "no WELCOME within 60 s" : probe.failure));
    }

    /**
     * Pushes one sample, timestamped now (and later than the previous push, since rules ignore a sample no newer than
     * the last), as a batch of its own.
     *
     * @return when it was handed to the socket, on {@link System#nanoTime()}
     */
    synchronized long push(String metric, double value) throws IOException {
        if (failure != null) {
            throw new IOException("the probe connection failed: " + failure);
        }
        long epochMillis = Math.max(System.currentTimeMillis(), lastEpochMillis + 1);
        lastEpochMillis = epochMillis;
        long sentNanos = System.nanoTime();
        connection.sendSample(metric, epochMillis, value, sentNanos);
        flush();
        return sentNanos;
    }

    /** Send-to-ACK times of the pushes acknowledged so far (a copy). */
    synchronized Latencies acks() {
        return acks.copy();
    }

    /** Pushes not acknowledged yet. */
    synchronized int unacknowledged() {
        return connection.unacknowledged();
    }

    private void flush() throws IOException {
        ArrayDeque<ByteBuffer> outbound = connection.outbound();
        while (!outbound.isEmpty()) {
            ByteBuffer buffer = outbound.poll();
            out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        }
        out.flush();
    }

    private void read() {
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                int read = in.read(buffer);
                if (read < 0) {
                    failure = "the server closed the connection";
                    return;
                }
                synchronized (this) {
                    if (!connection.received(ByteBuffer.wrap(buffer, 0, read), System.nanoTime(), this)) {
                        if (failure == null) {
                            failure = "protocol failure";
                        }
                        return;
                    }
                    flush(); // PONGs
                }
            }
        } catch (IOException e) {
            if (failure == null && !socket.isClosed()) {
                failure = e.toString();
            }
        }
    }

    @Override
    public void acked(AgentConnection c, int samples, long sentNanos, long ackNanos) {
        acks.record(ackNanos - sentNanos); // called by read(), holding the lock
    }

    @Override
    public void error(AgentConnection c, ErrorFrame error) {
        failure = error.code() + " " + error.message();
        System.out.println("probe agent: " + failure);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
