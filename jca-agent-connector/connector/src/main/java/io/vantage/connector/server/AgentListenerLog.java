package io.vantage.connector.server;

import java.net.SocketAddress;
import java.time.Duration;

import io.vantage.connector.logging.ConnectorLogger;
import io.vantage.connector.nio.ListenerLog;

/** The shared listener code's log lines, worded and numbered as the agent listener's own. */
enum AgentListenerLog implements ListenerLog {
    INSTANCE;

    @Override
    public void loopFailed(Throwable cause) {
        ConnectorLogger.loopFailed(cause);
    }

    @Override
    public void selectorDidNotStop(Duration waited) {
        ConnectorLogger.selectorDidNotStop(waited);
    }

    /** Agents resend what was not acknowledged, so there is never anything held to report. */
    @Override
    public void listenerClosed(SocketAddress address, int connectionsDropped, long heldOnStop) {
        ConnectorLogger.listenerClosed(address, connectionsDropped);
    }

    @Override
    public void acceptFailed(Throwable cause) {
        ConnectorLogger.acceptFailed(cause);
    }

    @Override
    public void connectionRefused(String remote, int open, int limit) {
        ConnectorLogger.connectionRefused(remote, open, limit);
    }

    @Override
    public void connectionAccepted(String remote) {
        ConnectorLogger.connectionAccepted(remote);
    }

    @Override
    public void connectionBroke(String remote, Throwable cause) {
        ConnectorLogger.connectionFailed(remote, cause);
    }

    @Override
    public void connectionClosed(String remote, String why) {
        ConnectorLogger.connectionClosed(remote, why);
    }
}
