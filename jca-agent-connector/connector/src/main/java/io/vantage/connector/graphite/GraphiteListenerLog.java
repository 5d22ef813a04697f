package io.vantage.connector.graphite;

import java.net.SocketAddress;
import java.time.Duration;

import io.vantage.connector.logging.ConnectorLogger;
import io.vantage.connector.nio.ListenerLog;

/** The shared listener code's log lines, worded and numbered as the Graphite listener's own. */
enum GraphiteListenerLog implements ListenerLog {
    INSTANCE;

    @Override
    public void loopFailed(Throwable cause) {
        ConnectorLogger.graphiteLoopFailed(cause);
    }

    @Override
    public void selectorDidNotStop(Duration waited) {
        ConnectorLogger.graphiteSelectorDidNotStop(waited);
    }

    /** {@code heldOnStop} is the lines received and not stored, which stopping loses. */
    @Override
    public void listenerClosed(SocketAddress address, int connectionsDropped, long heldOnStop) {
        ConnectorLogger.graphiteListenerClosed(address, connectionsDropped, heldOnStop);
    }

    @Override
    public void acceptFailed(Throwable cause) {
        ConnectorLogger.graphiteAcceptFailed(cause);
    }

    @Override
    public void connectionRefused(String remote, int open, int limit) {
        ConnectorLogger.graphiteConnectionRefused(remote, open, limit);
    }

    @Override
    public void connectionAccepted(String remote) {
        ConnectorLogger.graphiteConnectionAccepted(remote);
    }

    @Override
    public void connectionBroke(String remote, Throwable cause) {
        ConnectorLogger.graphiteConnectionBroke(remote, cause);
    }

    @Override
    public void connectionClosed(String remote, String why) {
        ConnectorLogger.graphiteConnectionClosed(remote, why);
    }
}
