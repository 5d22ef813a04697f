package io.vantage.connector.graphite;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.Executor;

import io.vantage.connector.api.GraphiteListener;
import io.vantage.connector.logging.ConnectorLogger;
import io.vantage.connector.nio.ConnectionFactory;
import io.vantage.connector.nio.ListeningServer;
import io.vantage.connector.nio.LoopSettings;
import io.vantage.connector.nio.SelectorLoop;

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
 *
 * <p>Stopping closes the listening socket and every connection. Lines still buffered or waiting for the
 * application are lost (the log says how many): Graphite has no acknowledgement the sender could resend from.
 * Binding, the selector thread and stopping are {@link ListeningServer}'s; this class plugs in Graphite's
 * connections.
 */
public final class GraphiteServer extends ListeningServer<GraphiteConnection> {

    static final String THREAD_NAME = "vantage-graphite-selector";
    /** The sweep also flushes quiet batches and retries, so it runs more often than the agent listener's. */
    private static final long MAX_SWEEP_MILLIS = 250;

    private final GraphiteServerSettings settings;
    private final Executor deliveries;
    private final GraphiteListener listener;
    private final GraphiteCounters counters;

    /**
     * @param settings   where to listen and the limits
     * @param deliveries runs the calls into the listener, which may block. Its {@code execute} is called on the
     *                   selector thread, so it must return at once: throw {@link
     *                   java.util.concurrent.RejectedExecutionException} rather than wait (the batch is then
     *                   offered again later)
     * @param listener   takes the batches
     */
    public GraphiteServer(GraphiteServerSettings settings, Executor deliveries, GraphiteListener listener) {
        this(settings, deliveries, listener, new GraphiteCounters());
    }

    /** The counters are made first because the base class counts connections into them too. */
    private GraphiteServer(GraphiteServerSettings settings, Executor deliveries, GraphiteListener listener,
                           GraphiteCounters counters) {
        // settings is checked here, before anything else, as it always was
        super(THREAD_NAME, "the Graphite listener", Objects.requireNonNull(settings, "settings").bindAddress(),
                counters, GraphiteListenerLog.INSTANCE);
        this.counters = counters;
        this.settings = settings;
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public GraphiteServerStats stats() {
        return counters.snapshot();
    }

    /** No TCP_NODELAY: nothing is ever answered but a final ERROR line. */
    @Override
    protected LoopSettings loopSettings() {
        long shortest = Math.min(settings.flushInterval().toMillis(),
                Math.min(settings.idleTimeout().toMillis(), settings.firstRetryDelay().toMillis()));
        return new LoopSettings(settings.maxConnections(), LoopSettings.sweepMillis(shortest, MAX_SWEEP_MILLIS), false);
    }

    @Override
    protected ConnectionFactory<GraphiteConnection> connections(SelectorLoop<GraphiteConnection> loop) {
        GraphiteDeliveries offers = new GraphiteDeliveries(listener, deliveries, loop);
        return (socket, key, remote, now) -> new GraphiteConnection(socket, key, remote, settings, counters, offers,
                now);
    }

    @Override
    protected void bound(InetSocketAddress address) {
        ConnectorLogger.graphiteListenerBound(address, settings.maxConnections(), settings.maxLineBytes(),
                settings.maxLinesPerBatch());
    }
}
