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
 * delays a probe push. The caller writes; a daemon thread per connection reads, matching ACKs (their send-to-ACK
 * times are kept) and answering PINGs. The protocol itself is {@link AgentConnection}'s. Like a real agent whose
 * batch is not acknowledged, it can {@link #reconnect}.
 */
final class ProbeAgent implements AutoCloseable {

    private final String host;
    private final int port;
    private final String[] idKey;
    private final Latencies acks = new Latencies();
    private long lastEpochMillis;
    private Link link;

    private ProbeAgent(String host, int port, String credentials) {
        this.host = host;
        this.port = port;
        this.idKey = credentials.split(":", 2);
    }

    /**
     * Connects and says HELLO as the agent {@code credentials} ({@code id:key}); returns once WELCOMEd.
     *
     * @throws IOException if the connection fails or is not welcomed within 60 s
     */
    static ProbeAgent connect(String host, int port, String credentials) throws IOException, InterruptedException {
        ProbeAgent probe = new ProbeAgent(host, port, credentials);
        probe.reconnect();
        return probe;
    }

    /** Drops the connection (if any) and opens a new one: what an agent does when its batch is not answered. */
    void reconnect() throws IOException, InterruptedException {
        Link old;
        synchronized (this) {
            old = link;
            link = null;
        }
        if (old != null) {
            old.close();
        }
        Link fresh = new Link(new AgentConnection(-1, idKey[0], idKey[1], new String[0], 0));
        fresh.open(host, port);
        synchronized (this) {
            link = fresh;
        }
    }

    /**
     * Pushes one sample, timestamped now (and later than the previous push, since rules ignore a sample no newer than
     * the last), as a batch of its own.
     *
     * @return when it was handed to the socket, on {@link System#nanoTime()}
     */
    long push(String metric, double value) throws IOException {
        Link current;
        long epochMillis;
        synchronized (this) {
            current = link;
            epochMillis = Math.max(System.currentTimeMillis(), lastEpochMillis + 1);
            lastEpochMillis = epochMillis;
        }
        if (current == null) {
            throw new IOException("the probe is not connected");
        }
        return current.push(metric, epochMillis, value);
    }

    /** Send-to-ACK times of the pushes acknowledged so far, over every connection (a copy). */
    synchronized Latencies acks() {
        return acks.copy();
    }

    /** Pushes on the current connection not acknowledged yet. */
    int unacknowledged() {
        Link current;
        synchronized (this) {
            current = link;
        }
        return current == null ? 0 : current.unacknowledged();
    }

    @Override
    public void close() {
        Link current;
        synchronized (this) {
            current = link;
            link = null;
        }
        if (current != null) {
            current.close();
        }
    }

    /** One connection: its socket, its protocol state and the thread reading it. Guarded by itself. */
    private final class Link implements AgentConnection.Listener {

        private final AgentConnection connection;
        private final Socket socket = new Socket();
        private OutputStream out;
        private volatile String failure;

        Link(AgentConnection connection) {
            this.connection = connection;
        }

        void open(String host, int port) throws IOException, InterruptedException {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            out = socket.getOutputStream();
            Thread reader = new Thread(this::read, "probe-reader");
            reader.setDaemon(true);
            reader.start();
            synchronized (this) {
                connection.start();
                flush();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && failure == null) {
                synchronized (this) {
                    if (connection.welcomed()) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
            close();
            throw new IOException("the probe agent was not welcomed: "
                    + (failure == null ? "no WELCOME within 60 s" : failure));
        }

        synchronized long push(String metric, long epochMillis, double value) throws IOException {
            if (failure != null) {
                throw new IOException("the probe connection failed: " + failure);
            }
            long sentNanos = System.nanoTime();
            connection.sendSample(metric, epochMillis, value, sentNanos);
            flush();
            return sentNanos;
        }

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
            synchronized (ProbeAgent.this) {
                acks.record(ackNanos - sentNanos);
            }
        }

        @Override
        public void resent(AgentConnection c, int samples) {
            // sent again by the reader's flush; its latency still counts from the first sending
        }

        @Override
        public void error(AgentConnection c, ErrorFrame error) {
            failure = error.code() + " " + error.message();
            System.out.println("probe agent: " + failure);
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
