package io.vantage.bench;

import io.vantage.protocol.ErrorFrame;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Simulates N agents over the agent protocol on ONE thread with a selector: each agent has its own connection,
 * says HELLO with its registered id and key, then sends a batch of S samples every {@code N*S/rate} seconds
 * (agents staggered evenly), with at most K batches unacknowledged; a due agent at the limit sends as soon as an
 * ACK frees a slot. Records the send-to-ACK time of every batch sent after the warm-up.
 *
 * <p>Another thread may wait for the warm-up to end ({@link #awaitMeasuring}) and end the sending early
 * ({@link #stop}): the alert benchmark runs it as background load for as long as its probe needs.
 */
final class AgentLoad implements AgentConnection.Listener {

    /**
     * What to run.
     *
     * @param credentials    one {@code id:key} per simulated agent
     * @param probe          an {@code id:key} for the latency probe agent, or null
     */
    record Config(String host, int port, List<String> credentials, String probe, double rate, int batchSamples,
                  int maxUnacked, int metricsPerAgent, String tag, int warmupSeconds, int durationSeconds,
                  int drainSeconds, int probeIntervalMillis) {
    }

    /**
     * What one run measured.
     *
     * @param firstTimestampMillis the timestamp every simulated series starts at (each advances 1 ms per sample)
     * @param resentSamples        samples sent again because the server answered "not stored now"
     */
    record Result(long sentSamples, long ackedSamples, long measuredSamples, double achievedRate, int errors,
                  Latencies ackLatencies, int failedConnections, long firstTimestampMillis, long resentSamples) {
    }

    /** Told about each probe sample when it is sent. */
    interface ProbeSink {
        void sent(String metric, long epochMillis, long sentNanos);
    }

    private final Config config;
    private final ProbeSink probeSink;
    private final Latencies ackLatencies = new Latencies();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(256 * 1024);
    private long sentSamples;
    private long ackedSamples;
    private long measuredSamples;
    private int errors;
    private long resentSamples;
    private long measureFromNanos;
    private long measureToNanos;
    private final ArrayDeque<AgentConnection> freed = new ArrayDeque<>();
    private final CountDownLatch measuring = new CountDownLatch(1);
    private volatile boolean stopRequested;

    AgentLoad(Config config, ProbeSink probeSink) {
        this.config = config;
        this.probeSink = probeSink;
    }

    Result run() throws IOException {
        int n = config.credentials().size();
        long intervalNanos = (long) (1e9 * n * config.batchSamples() / config.rate());
        // dated from now, as a real agent's samples are, so the server compacts each hour once after it has closed
        // (samples dated into a closed hour make it compact that hour again); a series advances 1 ms per sample,
        // slower than the clock below 1,000 samples/s per series, so no sample is dated in the future
        long baseMillis = System.currentTimeMillis();
        Selector selector = Selector.open();
        try {
            List<AgentConnection> agents = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String[] idKey = config.credentials().get(i).split(":", 2);
                String[] metrics = SampleCounter.metricsOfStep(config.tag(), config.metricsPerAgent())
                        .toArray(String[]::new);
                agents.add(open(selector, new AgentConnection(i, idKey[0], idKey[1], metrics, baseMillis)));
            }
            AgentConnection probe = null;
            if (config.probe() != null) {
                String[] idKey = config.probe().split(":", 2);
                probe = open(selector, new AgentConnection(-1, idKey[0], idKey[1], new String[] {"probe"}, 0));
            }
            awaitWelcome(selector, agents, probe);

            long start = System.nanoTime();
            measureFromNanos = start + TimeUnit.SECONDS.toNanos(config.warmupSeconds());
            measureToNanos = measureFromNanos + TimeUnit.SECONDS.toNanos(config.durationSeconds());
            PriorityQueue<long[]> due = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
            for (int i = 0; i < n; i++) {
                due.add(new long[] {start + intervalNanos * i / n, i});
            }
            long nextProbe = start;
            long drainDeadline = measureToNanos + TimeUnit.SECONDS.toNanos(config.drainSeconds());
            boolean[] isBlocked = new boolean[n];
            while (true) {
                long now = System.nanoTime();
                if (stopRequested && now < measureToNanos) {
                    measureToNanos = now;
                    measureFromNanos = Math.min(measureFromNanos, now);
                    drainDeadline = now + TimeUnit.SECONDS.toNanos(config.drainSeconds());
                }
                if (now >= measureFromNanos) {
                    measuring.countDown();
                }
                boolean sending = now < measureToNanos;
                if (!sending && outstanding(agents, probe) == 0 || now > drainDeadline) {
                    break;
                }
                // agents whose slot an ACK freed send their overdue batch now
                while (sending && !freed.isEmpty()) {
                    AgentConnection c = freed.poll();
                    if (c.index >= 0 && isBlocked[c.index] && c.unacknowledged() < config.maxUnacked()) {
                        isBlocked[c.index] = false;
                        send(selector, c, now);
                    }
                }
                freed.clear();
                while (sending && !due.isEmpty() && due.peek()[0] <= now) {
                    long[] entry = due.poll();
                    AgentConnection c = agents.get((int) entry[1]);
                    entry[0] += intervalNanos;
                    due.add(entry);
                    if (c.failed()) {
                        continue;
                    }
                    if (c.unacknowledged() < config.maxUnacked() && !isBlocked[c.index]) {
                        send(selector, c, now);
                    } else {
                        isBlocked[c.index] = true; // at most one batch owed: a lagging agent does not pile up
                    }
                }
                if (sending && probe != null && now >= nextProbe && !probe.failed()) {
                    long epochMillis = System.currentTimeMillis();
                    String metric = config.tag() + ".probe";
                    probe.sendSample(metric, epochMillis, 1.0, now);
                    interestWrite(selector, probe);
                    if (now >= measureFromNanos && probeSink != null) {
                        probeSink.sent(metric, epochMillis, now);
                    }
                    nextProbe = now + TimeUnit.MILLISECONDS.toNanos(config.probeIntervalMillis());
                }
                long wait = sending ? Math.min(due.isEmpty() ? 1_000_000 : due.peek()[0] - now,
                        probe == null ? Long.MAX_VALUE : nextProbe - now) : 10_000_000;
                selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
                handle(selector, System.nanoTime());
            }
            int failedConnections = 0;
            for (AgentConnection c : agents) {
                if (c.failed()) {
                    failedConnections++;
                }
            }
            // the configured duration, or less when stopped early
            double achieved = measuredSamples * 1e9 / Math.max(1, measureToNanos - measureFromNanos);
            return new Result(sentSamples, ackedSamples, measuredSamples, achieved, errors, ackLatencies,
                    failedConnections, baseMillis, resentSamples);
        } finally {
            // also after a failed handshake: leave no connection open on the server
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
        }
    }

    /**
     * Waits until the warm-up is over and the measured part of the run has begun.
     *
     * @return false if it has not begun within the timeout
     */
    boolean awaitMeasuring(long timeout, TimeUnit unit) throws InterruptedException {
        return measuring.await(timeout, unit);
    }

    /**
     * Ends the sending now (from any thread): the run then waits for outstanding ACKs, bounded by the drain time, and
     * returns; its achieved rate is over the measured time actually run.
     */
    void stop() {
        stopRequested = true;
    }

    private long outstanding(List<AgentConnection> agents, AgentConnection probe) {
        long total = probe == null || probe.failed() ? 0 : probe.unacknowledged();
        for (AgentConnection c : agents) {
            if (!c.failed()) {
                total += c.unacknowledged();
            }
        }
        return total;
    }

    private void send(Selector selector, AgentConnection c, long now) {
        c.sendBatch(config.batchSamples(), now);
        sentSamples += config.batchSamples();
        if (now >= measureFromNanos && now < measureToNanos) {
            measuredSamples += config.batchSamples();
        }
        interestWrite(selector, c);
    }

    private AgentConnection open(Selector selector, AgentConnection connection) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
        channel.connect(new InetSocketAddress(config.host(), config.port()));
        connection.selectionKey = channel.register(selector, SelectionKey.OP_CONNECT, connection);
        connection.start();
        return connection;
    }

    private void awaitWelcome(Selector selector, List<AgentConnection> agents, AgentConnection probe)
            throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            boolean all = probe == null || probe.welcomed();
            for (AgentConnection c : agents) {
                if (c.failed()) {
                    throw new IOException("agent " + c.index + " failed its handshake");
                }
                all &= c.welcomed();
            }
            if (all) {
                return;
            }
            selector.select(50);
            handle(selector, System.nanoTime());
        }
        int welcomed = 0;
        for (AgentConnection c : agents) {
            welcomed += c.welcomed() ? 1 : 0;
        }
        throw new IOException("not every agent was welcomed within 60 s: " + welcomed + " of " + agents.size()
                + (probe == null ? "" : probe.welcomed() ? " and the probe" : ", the probe not"));
    }

    private void interestWrite(Selector selector, AgentConnection c) {
        SelectionKey key = c.selectionKey;
        if (key != null && key.isValid() && (key.interestOps() & SelectionKey.OP_CONNECT) == 0) {
            key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }
    }

    private void handle(Selector selector, long now) throws IOException {
        for (SelectionKey key : selector.selectedKeys()) {
            AgentConnection c = (AgentConnection) key.attachment();
            SocketChannel channel = (SocketChannel) key.channel();
            try {
                if (key.isConnectable() && channel.finishConnect()) {
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                }
                if (key.isValid() && key.isReadable()) {
                    readBuffer.clear();
                    int read = channel.read(readBuffer);
                    if (read < 0) {
                        markClosed(key, c);
                        continue;
                    }
                    readBuffer.flip();
                    if (!c.received(readBuffer, now, this)) {
                        markClosed(key, c);
                        continue;
                    }
                    if (!c.outbound().isEmpty()) {
                        // a batch the server did not store goes again now, or it would wait for the agent's next
                        // batch, which never comes while the agent has its most unacknowledged batches out
                        key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    }
                }
                if (key.isValid() && key.isWritable()) {
                    ArrayDeque<java.nio.ByteBuffer> out = c.outbound();
                    while (!out.isEmpty()) {
                        channel.write(out.peek());
                        if (out.peek().hasRemaining()) {
                            break;
                        }
                        out.poll();
                    }
                    if (out.isEmpty()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                }
            } catch (IOException e) {
                markClosed(key, c);
            }
        }
        selector.selectedKeys().clear();
    }

    private void markClosed(SelectionKey key, AgentConnection c) throws IOException {
        if (!c.failed()) {
            errors++;
        }
        key.cancel();
        key.channel().close();
        c.markFailed();
    }

    @Override
    public void acked(AgentConnection connection, int samples, long sentNanos, long ackNanos) {
        if (connection.index < 0) {
            return; // probe batches are measured end to end by the poller
        }
        ackedSamples += samples;
        if (sentNanos >= measureFromNanos) {
            ackLatencies.record(ackNanos - sentNanos);
        }
        freed.add(connection);
    }

    @Override
    public void resent(AgentConnection connection, int samples) {
        resentSamples += samples;
    }

    @Override
    public void error(AgentConnection connection, ErrorFrame error) {
        errors++;
        System.err.println("agent " + connection.index + ": " + error.code() + " " + error.message());
    }
}
