package io.vantage.connector.server;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The listener's running totals, written by the selector thread and read by anyone through {@link #snapshot()}. */
final class ServerCounters {

    final AtomicInteger openConnections = new AtomicInteger();
    final AtomicInteger readPausedConnections = new AtomicInteger();
    final AtomicLong batchesReceived = new AtomicLong();
    final AtomicLong batchesAcknowledged = new AtomicLong();

    AgentServerStats snapshot() {
        return new AgentServerStats(openConnections.get(), readPausedConnections.get(), batchesReceived.get(),
                batchesAcknowledged.get());
    }
}
