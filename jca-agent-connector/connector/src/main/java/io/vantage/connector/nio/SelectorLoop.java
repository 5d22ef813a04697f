package io.vantage.connector.nio;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * A listener's selector thread: accepts connections up to the limit, serves the ready ones, runs tasks handed over
 * by other threads, and ticks every connection periodically. A failure on one connection closes that connection
 * only; a failure of the loop itself is logged and the loop carries on, because the listener must outlive any one
 * peer. What a connection does with its bytes is the protocol's business, behind {@link NioConnection}. A
 * connection whose input waits inside its transport (decrypted TLS the selector cannot see) is served again in the
 * next round without waiting for the socket.
 *
 * @param <C> the protocol's connection; the loop attaches one to every accepted socket's key
 */
public final class SelectorLoop<C extends NioConnection> implements Runnable, SelectorTasks {

    private static final int READ_BUFFER_BYTES = 64 * 1024;
    /** Bounds one round's accepting so a connection storm cannot starve the connections already open. */
    private static final int ACCEPTS_PER_ROUND = 256;

    private final Selector selector;
    private final ServerSocketChannel serverChannel;
    private final LoopSettings settings;
    private final ConnectionCounts counts;
    private final ListenerLog log;
    private final ConnectionFactory<C> factory;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
    /** Connections with input waiting inside their transport, served again next round without waiting. */
    private final Set<NioConnection> again = new LinkedHashSet<>();
    private volatile boolean running = true;
    private long nextSweep = System.nanoTime();

    /**
     * @param factory given this loop, because the protocol's connections hand work back to it (see
     *                {@link Handoff}); called once, here
     */
    public SelectorLoop(Selector selector, ServerSocketChannel serverChannel, LoopSettings settings,
                        ConnectionCounts counts, ListenerLog log,
                        Function<SelectorLoop<C>, ConnectionFactory<C>> factory) {
        this.selector = selector;
        this.serverChannel = serverChannel;
        this.settings = settings;
        this.counts = counts;
        this.log = log;
        this.factory = factory.apply(this);
    }

    @Override
    public void run() {
        try {
            while (running) {
                try {
                    round();
                } catch (IOException | RuntimeException e) {
                    log.loopFailed(e);
                }
            }
        } finally {
            closeEverything();
        }
    }

    @Override
    public void runOnSelector(NioConnection connection, Runnable task) {
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
        if (again.isEmpty()) {
            selector.select(settings.sweepMillis());
        } else {
            selector.selectNow();
        }
        for (Runnable task = tasks.poll(); task != null && running; task = tasks.poll()) {
            task.run();
        }
        serveAgain();
        Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
        while (ready.hasNext() && running) {
            SelectionKey key = ready.next();
            ready.remove();
            C connection = connectionOf(key);
            if (connection != null) {
                guarded(connection, () -> connection.onReady(readBuffer));
            } else if (key.isValid() && key.isAcceptable()) {
                acceptSome();
            }
        }
        long now = System.nanoTime();
        if (now - nextSweep >= 0) {
            nextSweep = now + settings.sweepMillis() * 1_000_000L;
            for (SelectionKey key : selector.keys()) {
                C connection = connectionOf(key);
                if (connection != null) {
                    guarded(connection, () -> connection.tick(now));
                }
            }
        }
    }

    /** Once per round each, so a connection with much buffered input cannot starve the others. */
    private void serveAgain() {
        if (again.isEmpty()) {
            return;
        }
        List<NioConnection> due = new ArrayList<>(again);
        again.clear();
        for (NioConnection connection : due) {
            if (connection.hasBufferedInput() && running) {
                guarded(connection, () -> connection.onReady(readBuffer));
            }
        }
    }

    private void acceptSome() {
        for (int i = 0; i < ACCEPTS_PER_ROUND; i++) {
            SocketChannel channel;
            try {
                channel = serverChannel.accept();
            } catch (IOException e) {
                log.acceptFailed(e);
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
        int open = counts.openConnections();
        if (open >= settings.maxConnections()) {
            log.connectionRefused(remote, open, settings.maxConnections());
            Closing.quietly(channel);
            return;
        }
        try {
            channel.configureBlocking(false);
            if (settings.tcpNoDelay()) {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
            key.attach(factory.open(channel, key, remote, System.nanoTime()));
            counts.opened();
            log.connectionAccepted(remote);
        } catch (IOException | RuntimeException e) {
            // closing the channel cancels its key too: a key left registered without a connection would spin
            log.acceptFailed(e);
            Closing.quietly(channel);
        }
    }

    private void guarded(NioConnection connection, IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            connection.closeNow("I/O failed: " + e.getMessage());
        } catch (RuntimeException e) {
            log.connectionBroke(connection.remoteAddress(), e);
            connection.closeNow("unexpected failure: " + e);
        }
        if (connection.isOpen() && connection.hasBufferedInput()) {
            again.add(connection);
        }
    }

    private void closeEverything() {
        int dropped = 0;
        long held = 0;
        for (SelectionKey key : selector.keys()) {
            C connection = connectionOf(key);
            if (connection != null && connection.isOpen()) {
                held += connection.heldOnStop();
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
        Closing.quietly(serverChannel);
        Closing.quietly(selector);
        tasks.clear();
        again.clear();
        log.listenerClosed(address, dropped, held);
    }

    /** The connection on {@code key}, or {@code null} for the listening socket's key. */
    @SuppressWarnings("unchecked")
    private C connectionOf(SelectionKey key) {
        // only register() attaches, and always a C
        return key.attachment() instanceof NioConnection ? (C) key.attachment() : null;
    }

    private static String remoteOf(SocketChannel channel) {
        try {
            return String.valueOf(channel.getRemoteAddress());
        } catch (IOException e) {
            return "an unknown address";
        }
    }

    /** An action on one connection that may fail with I/O. */
    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
