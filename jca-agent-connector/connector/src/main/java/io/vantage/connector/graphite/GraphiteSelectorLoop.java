package io.vantage.connector.graphite;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

import io.vantage.connector.api.GraphiteListener;
import io.vantage.connector.logging.ConnectorLogger;

/**
 * The Graphite selector thread's work: accept connections, serve the ready ones, run outcomes handed back by
 * delivery threads, and sweep for flushes, retries and timeouts. A failure on one connection closes that
 * connection only; a failure of the loop itself is logged and the loop carries on.
 */
final class GraphiteSelectorLoop implements Runnable {

    private static final int READ_BUFFER_BYTES = 64 * 1024;
    /** Bounds one round's accepting so a connection storm cannot starve the connections already open. */
    private static final int ACCEPTS_PER_ROUND = 256;

    private final Selector selector;
    private final ServerSocketChannel serverChannel;
    private final GraphiteServerSettings settings;
    private final GraphiteCounters counters;
    private final GraphiteDeliveries deliveries;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
    private final long sweepMillis;
    private volatile boolean running = true;
    private long nextSweep = System.nanoTime();

    GraphiteSelectorLoop(Selector selector, ServerSocketChannel serverChannel, GraphiteServerSettings settings,
                         GraphiteCounters counters, GraphiteListener listener, Executor executor) {
        this.selector = selector;
        this.serverChannel = serverChannel;
        this.settings = settings;
        this.counters = counters;
        this.deliveries = new GraphiteDeliveries(listener, executor, this);
        // a quarter of the shortest deadline keeps flushes and timeouts punctual without waking up needlessly
        long shortest = Math.min(settings.flushInterval().toMillis(),
                Math.min(settings.idleTimeout().toMillis(), settings.firstRetryDelay().toMillis()));
        this.sweepMillis = Math.max(10, Math.min(250, shortest / 4));
    }

    @Override
    public void run() {
        try {
            while (running) {
                try {
                    round();
                } catch (IOException | RuntimeException e) {
                    ConnectorLogger.graphiteLoopFailed(e);
                }
            }
        } finally {
            closeEverything();
        }
    }

    /** Runs {@code task} on the selector thread, unless the connection has closed by then. Any thread may call. */
    void runOnSelector(GraphiteConnection connection, Runnable task) {
        if (!running) {
            return;
        }
        tasks.add(() -> {
            if (connection.isOpen()) {
                guarded(connection, task);
            }
        });
        selector.wakeup();
    }

    void shutdown() {
        running = false;
        selector.wakeup();
    }

    private void round() throws IOException {
        selector.select(sweepMillis);
        for (Runnable task = tasks.poll(); task != null && running; task = tasks.poll()) {
            task.run();
        }
        Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
        while (ready.hasNext() && running) {
            SelectionKey key = ready.next();
            ready.remove();
            if (key.attachment() instanceof GraphiteConnection connection) {
                guarded(connection, () -> connection.onReady(readBuffer));
            } else if (key.isValid() && key.isAcceptable()) {
                acceptSome();
            }
        }
        long now = System.nanoTime();
        if (now - nextSweep >= 0) {
            nextSweep = now + sweepMillis * 1_000_000L;
            for (SelectionKey key : selector.keys()) {
                if (key.attachment() instanceof GraphiteConnection connection) {
                    guarded(connection, () -> connection.tick(now));
                }
            }
        }
    }

    private void acceptSome() {
        for (int i = 0; i < ACCEPTS_PER_ROUND; i++) {
            SocketChannel channel;
            try {
                channel = serverChannel.accept();
            } catch (IOException e) {
                ConnectorLogger.graphiteAcceptFailed(e);
                return;
            }
            if (channel == null) {
                return;
            }
            register(channel);
        }
    }

    private void register(SocketChannel channel) {
        String remote = remoteOf(channel);
        int open = counters.openConnections.get();
        if (open >= settings.maxConnections()) {
            ConnectorLogger.graphiteConnectionRefused(remote, open, settings.maxConnections());
            closeQuietly(channel);
            return;
        }
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
            key.attach(new GraphiteConnection(channel, key, remote, settings, counters, deliveries,
                    System.nanoTime()));
            counters.openConnections.incrementAndGet();
            ConnectorLogger.graphiteConnectionAccepted(remote);
        } catch (IOException e) {
            ConnectorLogger.graphiteAcceptFailed(e);
            closeQuietly(channel);
        }
    }

    private static void guarded(GraphiteConnection connection, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            ConnectorLogger.graphiteConnectionBroke(connection.remoteAddress(), e);
            connection.closeNow("unexpected failure: " + e);
        }
    }

    private void closeEverything() {
        int dropped = 0;
        long linesLost = 0;
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof GraphiteConnection connection && connection.isOpen()) {
                linesLost += connection.linesHeld();
                connection.closeNow("the listener stopped");
                dropped++;
            }
        }
        SocketAddress address = null;
        try {
            address = serverChannel.getLocalAddress();
        } catch (IOException e) {
            // already closed; the log line simply lacks the address
        }
        closeQuietly(serverChannel);
        closeQuietly(selector);
        tasks.clear();
        ConnectorLogger.graphiteListenerClosed(address, dropped, linesLost);
    }

    private static String remoteOf(SocketChannel channel) {
        try {
            return String.valueOf(channel.getRemoteAddress());
        } catch (IOException e) {
            return "an unknown address";
        }
    }

    static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            // closing on the way out; nothing useful to do with the failure
        }
    }
}
