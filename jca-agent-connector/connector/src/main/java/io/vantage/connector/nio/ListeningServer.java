package io.vantage.connector.nio;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;

/**
 * A TCP listener served by one {@link SelectorLoop} thread: binds in {@link #start()}, closes the socket and every
 * connection in {@link #stop()}. The agent and Graphite servers extend it with their protocol's connections, loop
 * timing and stats.
 *
 * @param <C> the protocol's connection
 */
public abstract class ListeningServer<C extends NioConnection> {

    /** Room for a fleet reconnecting at once after a restart; the kernel caps it at somaxconn. */
    private static final int BACKLOG = 1024;
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final String threadName;
    private final String description;
    private final InetSocketAddress bindAddress;
    private final ConnectionCounts counts;
    private final ListenerLog log;
    private SelectorLoop<C> loop;
    private Thread thread;
    private InetSocketAddress localAddress;

    /**
     * @param threadName  the selector thread's name, for thread dumps
     * @param description how errors name this listener, for example "the agent listener"
     * @param bindAddress the address and port to listen on; port 0 picks a free one
     * @param counts      the server's counters, which the loop and connections keep the connection gauges in
     */
    protected ListeningServer(String threadName, String description, InetSocketAddress bindAddress,
                              ConnectionCounts counts, ListenerLog log) {
        this.threadName = threadName;
        this.description = description;
        this.bindAddress = bindAddress;
        this.counts = counts;
        this.log = log;
    }

    /**
     * Binds the listening socket and starts serving. Binding happens here, on the caller's thread, so that a
     * port already in use fails the caller at once.
     *
     * @throws IOException when the socket cannot be bound, for example {@link java.net.BindException}
     */
    public synchronized void start() throws IOException {
        if (loop != null) {
            throw new IllegalStateException(description + " is already running on " + localAddress);
        }
        ServerSocketChannel channel = ServerSocketChannel.open();
        Selector selector = null;
        try {
            // lets a restarted listener rebind while old connections sit in TIME_WAIT
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(bindAddress, BACKLOG);
            channel.configureBlocking(false);
            selector = Selector.open();
            channel.register(selector, SelectionKey.OP_ACCEPT);
            localAddress = (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException | RuntimeException e) {
            Closing.quietly(selector);
            Closing.quietly(channel);
            throw e;
        }
        loop = new SelectorLoop<>(selector, channel, loopSettings(), counts, log, this::connections);
        thread = new Thread(loop, threadName);
        thread.setDaemon(true);
        thread.start();
        bound(localAddress);
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
            log.selectorDidNotStop(STOP_WAIT);
        }
        loop = null;
        thread = null;
    }

    /** Where the listener listens, with the actual port when port 0 was asked for; {@code null} before start. */
    public synchronized InetSocketAddress localAddress() {
        return localAddress;
    }

    /** The connection limit and how often the loop ticks connections, read once per start. */
    protected abstract LoopSettings loopSettings();

    /**
     * Makes the protocol's connections for a new loop; {@code loop} is there for handing the application's
     * answers back to the selector thread (see {@link Handoff}).
     */
    protected abstract ConnectionFactory<C> connections(SelectorLoop<C> loop);

    /** Logs that the listener is up, with whatever limits the protocol finds worth telling. */
    protected abstract void bound(InetSocketAddress address);
}
