package io.vantage.connector.server;

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

import io.vantage.connector.api.AgentListener;
import io.vantage.connector.logging.ConnectorLogger;

/**
 * The selector thread's work: accept connections, serve the ready ones, run answers handed over by delivery
 * threads, and sweep for timeouts. A failure on one connection closes that connection only; a failure of the loop
 * itself is logged and the loop carries on, because the listener must outlive any one agent.
 */
final class SelectorLoop implements Runnable {

    private static final int READ_BUFFER_BYTES = 64 * 1024;
    /** Bounds one round's accepting so a connection storm cannot starve the connections already open. */
    private static final int ACCEPTS_PER_ROUND = 256;

    private final Selector selector;
    private final ServerSocketChannel serverChannel;
    private final AgentServerSettings settings;
    private final ServerCounters counters;
    private final ListenerCalls calls;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
    private final long sweepMillis;
    private volatile boolean running = true;
    private long nextSweep = System.nanoTime();

    SelectorLoop(Selector selector, ServerSocketChannel serverChannel, AgentServerSettings settings,
                 ServerCounters counters, AgentListener listener, Executor deliveries) {
        this.selector = selector;
        this.serverChannel = serverChannel;
        this.settings = settings;
        this.counters = counters;
        this.calls = new ListenerCalls(listener, deliveries, this);
        // a quarter of the shortest timeout keeps a timeout's lateness small without waking up needlessly
        long shortest = Math.min(settings.handshakeTimeout().toMillis(), settings.idleTimeout().toMillis());
        this.sweepMillis = Math.max(10, Math.min(1000, shortest / 4));
    }

    @Override
    public void run() {
        try {
            while (running) {
                try {
                    round();
                } catch (IOException | RuntimeException e) {
                    ConnectorLogger.loopFailed(e);
                }
            }
        } finally {
            closeEverything();
        }
    }

    /** Runs {@code task} on the selector thread, unless the connection has closed by then. Any thread may call. */
    void runOnSelector(AgentConnection connection, Runnable task) {
        if (!running) {
            return;
        }
        tasks.add(() -> {
            if (connection.isOpen()) {
                guarded(connection, task::run);
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
            if (key.attachment() instanceof AgentConnection connection) {
                guarded(connection, () -> connection.onReady(readBuffer));
            } else if (key.isValid() && key.isAcceptable()) {
                acceptSome();
            }
        }
        long now = System.nanoTime();
        if (now - nextSweep >= 0) {
            nextSweep = now + sweepMillis * 1_000_000L;
            for (SelectionKey key : selector.keys()) {
                if (key.attachment() instanceof AgentConnection connection) {
                    guarded(connection, () -> connection.checkTimeouts(now));
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
                ConnectorLogger.acceptFailed(e);
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
            ConnectorLogger.connectionRefused(remote, open, settings.maxConnections());
            closeQuietly(channel);
            return;
        }
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
            key.attach(new AgentConnection(channel, key, remote, settings, counters, calls, System.nanoTime()));
            counters.openConnections.incrementAndGet();
            ConnectorLogger.connectionAccepted(remote);
        } catch (IOException e) {
            ConnectorLogger.acceptFailed(e);
            closeQuietly(channel);
        }
    }

    private void guarded(AgentConnection connection, IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            connection.closeNow("I/O failed: " + e.getMessage());
        } catch (RuntimeException e) {
            ConnectorLogger.connectionFailed(connection.remoteAddress(), e);
            connection.closeNow("unexpected failure: " + e);
        }
    }

    private void closeEverything() {
        int dropped = 0;
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof AgentConnection connection && connection.isOpen()) {
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
        ConnectorLogger.listenerClosed(address, dropped);
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

    /** An action on one connection that may fail with I/O. */
    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
