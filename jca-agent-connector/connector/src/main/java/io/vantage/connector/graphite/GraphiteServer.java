package io.vantage.connector.graphite;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

import io.vantage.connector.api.GraphiteListener;
import io.vantage.connector.logging.ConnectorLogger;

/**
 * The TCP listener for Graphite's plaintext protocol ({@code path value timestamp} lines), as sent by collectd's
 * {@code write_graphite}, Telegraf or a statsd relay. One selector thread serves every connection without
 * blocking; the application is called on the delivery executor. Knows nothing of JCA.
 *
 * <p>Per connection: valid lines are collected into batches and handed over one batch at a time, in order; while
 * a batch is with the application (or waits to be offered again after "not stored") the connection is not read, so
 * a slow application slows senders down through TCP instead of losing lines. Invalid lines are dropped and
 * counted, as Graphite does; an over-long line, binary data or a flood of invalid lines ends the connection with
 * one {@code ERROR <reason>} line. Nothing ever answers a valid line: Graphite senders expect no reply.
 */
public final class GraphiteServer {

    static final String THREAD_NAME = "vantage-graphite-selector";
    private static final int BACKLOG = 1024;
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final GraphiteServerSettings settings;
    private final Executor deliveries;
    private final GraphiteListener listener;
    private final GraphiteCounters counters = new GraphiteCounters();
    private GraphiteSelectorLoop loop;
    private Thread thread;
    private InetSocketAddress localAddress;

    /**
     * @param settings   where to listen and the limits
     * @param deliveries runs the calls into the listener, which may block. Its {@code execute} is called on the
     *                   selector thread, so it must return at once: throw {@link
     *                   java.util.concurrent.RejectedExecutionException} rather than wait (the batch is then
     *                   offered again later)
     * @param listener   takes the batches
     */
    public GraphiteServer(GraphiteServerSettings settings, Executor deliveries, GraphiteListener listener) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Binds the listening socket on the caller's thread, so that a port in use fails the caller at once, and
     * starts serving.
     *
     * @throws IOException when the socket cannot be bound, for example {@link java.net.BindException}
     */
    public synchronized void start() throws IOException {
        if (loop != null) {
            throw new IllegalStateException("the Graphite listener is already running on " + localAddress);
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
            GraphiteSelectorLoop.closeQuietly(selector);
            GraphiteSelectorLoop.closeQuietly(channel);
            throw e;
        }
        loop = new GraphiteSelectorLoop(selector, channel, settings, counters, listener, deliveries);
        thread = new Thread(loop, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
        ConnectorLogger.graphiteListenerBound(localAddress, settings.maxConnections(), settings.maxLineBytes(),
                settings.maxLinesPerBatch());
    }

    /**
     * Closes the listening socket and every connection, and waits for the selector thread to end. Lines still
     * buffered or waiting for the application are lost (the log says how many): Graphite has no acknowledgement
     * the sender could resend from. Idempotent.
     */
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
            ConnectorLogger.graphiteSelectorDidNotStop(STOP_WAIT);
        }
        loop = null;
        thread = null;
    }

    /** Where the listener listens, with the actual port when port 0 was asked for; {@code null} before start. */
    public synchronized InetSocketAddress localAddress() {
        return localAddress;
    }

    public GraphiteServerStats stats() {
        return counters.snapshot();
    }
}
