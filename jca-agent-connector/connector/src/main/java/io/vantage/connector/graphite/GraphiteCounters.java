package io.vantage.connector.graphite;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The Graphite listener's running totals, written by its selector thread and read by anyone as a snapshot. */
final class GraphiteCounters {

    final AtomicInteger openConnections = new AtomicInteger();
    final AtomicInteger readPausedConnections = new AtomicInteger();
    final AtomicLong linesAccepted = new AtomicLong();
    final AtomicLong linesInvalid = new AtomicLong();
    final AtomicLong batchesStored = new AtomicLong();
    final AtomicLong batchesNotStored = new AtomicLong();
    final AtomicLong batchesRejected = new AtomicLong();
    final AtomicLong connectionsFailed = new AtomicLong();

    GraphiteServerStats snapshot() {
        return new GraphiteServerStats(openConnections.get(), readPausedConnections.get(), linesAccepted.get(),
                linesInvalid.get(), batchesStored.get(), batchesNotStored.get(), batchesRejected.get(),
                connectionsFailed.get());
    }
}
