package io.vantage.connector.server;

import java.util.concurrent.atomic.AtomicLong;

import io.vantage.connector.nio.ConnectionCounts;

/** The listener's running totals, written by the selector thread and read by anyone through {@link #snapshot()}. */
final class ServerCounters extends ConnectionCounts {

    final AtomicLong batchesReceived = new AtomicLong();
    final AtomicLong batchesAcknowledged = new AtomicLong();

    AgentServerStats snapshot() {
        return new AgentServerStats(openConnections(), readPausedConnections(), batchesReceived.get(),
                batchesAcknowledged.get());
    }
}
