package io.vantage.connector.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

import io.vantage.connector.api.AgentListener;
import io.vantage.connector.logging.ConnectorLogger;

/**
 * The agents' TCP listener: one selector thread serves every connection without blocking, and the application
 * is called on the delivery executor. Knows nothing of JCA, so it runs as well in a unit test as in the resource
 * adapter.
 *
 * <p>Per connection: the first frame must be a HELLO, which the listener admits; then each batch is handed to the
 * listener and answered with an ACK or an error, in the order the batches arrived. A connection with
 * {@code maxBatchesInFlightPerConnection} unanswered batches is not read from until one is answered (at most one
 * socket read's worth of frames, 64 KiB, can exceed that), so a slow application slows agents down instead of
 * losing their data.
 */
public final class AgentServer {

    static final String THREAD_NAME = "vantage-agent-selector";
    /** Room for a fleet reconnecting at once after a restart; the kernel caps it at somaxconn. */
    private static final int BACKLOG = 1024;
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final AgentServerSettings settings;
    private final Executor deliveries;
    private final AgentListener listener;
    private final ServerCounters counters = new ServerCounters();
    private SelectorLoop loop;
    private Thread thread;
    private InetSocketAddress localAddress;

    /**
     * @param settings   where to listen and the limits
     * @param deliveries runs the calls into the listener, which may block. Its {@code execute} is called on the
     *                   selector thread, so it must return at once: throw {@link
     *                   java.util.concurrent.RejectedExecutionException} rather than wait for room
     * @param listener   admits agents and takes their batches
     */
    public AgentServer(AgentServerSettings settings, Executor deliveries, AgentListener listener) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Binds the listening socket and starts serving. Binding happens here, on the caller's thread, so that a
     * port already in use fails the caller at once.
     *
     * @throws IOException when the socket cannot be bound, for example {@link java.net.BindException}
     */
    public synchronized void start() throws IOException {
        if (loop != null) {
            throw new IllegalStateException("the agent listener is already running on " + localAddress);
        }
        ServerSocketChannel channel = ServerSocketChannel.open();
        Selector selector = null;
        try {
            // lets a restarted listener rebind while old connections sit in TIME_WAIT
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(settings.bindAddress(), BACKLOG);
            channel.configureBlocking(false);
            selector = Selector.open();
            channel.register(selector, SelectionKey.OP_ACCEPT);
            localAddress = (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException | RuntimeException e) {
            SelectorLoop.closeQuietly(selector);
            SelectorLoop.closeQuietly(channel);
            throw e;
        }
        loop = new SelectorLoop(selector, channel, settings, counters, listener, deliveries);
        thread = new Thread(loop, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
        ConnectorLogger.listenerBound(localAddress, settings.maxConnections(), settings.maxFrameBytes(),
                settings.heartbeatSeconds());
    }

    /** Closes the listening socket and every connection, and waits for the selector thread to end. Idempotent. */
    public synchronized void stop() {
        if (loop == null) {
            return;
        }
        loop.shutdown();
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            ConnectorLogger.selectorDidNotStop(STOP_WAIT);
        }
        loop = null;
        thread = null;
    }

    /** Where the listener listens, with the actual port when port 0 was asked for; {@code null} before start. */
    public synchronized InetSocketAddress localAddress() {
        return localAddress;
    }

    public AgentServerStats stats() {
        return counters.snapshot();
    }
}
