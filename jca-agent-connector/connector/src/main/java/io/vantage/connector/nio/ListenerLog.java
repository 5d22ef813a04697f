package io.vantage.connector.nio;

import java.net.SocketAddress;
import java.time.Duration;

/**
 * The log lines the shared listener code writes, which each protocol words (and numbers) on its own: operators
 * alert on the message ids, so the agent and Graphite listeners keep theirs.
 */
public interface ListenerLog {

    void loopFailed(Throwable cause);

    void selectorDidNotStop(Duration waited);

    void listenerClosed(SocketAddress address, int connectionsDropped, long heldOnStop);

    void acceptFailed(Throwable cause);

    void connectionRefused(String remote, int open, int limit);

    void connectionAccepted(String remote);

    /** A connection threw something unexpected; it is closed, the others carry on. */
    void connectionBroke(String remote, Throwable cause);

    void connectionClosed(String remote, String why);
}
