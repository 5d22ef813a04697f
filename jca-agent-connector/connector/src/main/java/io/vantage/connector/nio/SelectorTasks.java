package io.vantage.connector.nio;

/** Where other threads hand work to a listener's selector thread, which owns every connection's state. */
@FunctionalInterface
public interface SelectorTasks {

    /** Runs {@code task} on the selector thread, unless the connection has closed by then. Any thread may call. */
    void runOnSelector(NioConnection connection, Runnable task);
}
