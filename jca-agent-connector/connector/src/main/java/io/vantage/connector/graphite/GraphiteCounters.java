package io.vantage.connector.graphite;

import java.util.concurrent.atomic.AtomicLong;

import io.vantage.connector.nio.ConnectionCounts;

/** The Graphite listener's running totals, written by its selector thread and read by anyone as a snapshot. */
final class GraphiteCounters extends ConnectionCounts {

    final AtomicLong linesAccepted = new AtomicLong();
    final AtomicLong linesInvalid = new AtomicLong();
    final AtomicLong batchesStored = new AtomicLong();
    final AtomicLong batchesNotStored = new AtomicLong();
    final AtomicLong batchesRejected = new AtomicLong();
    final AtomicLong connectionsFailed = new AtomicLong();

    GraphiteServerStats snapshot() {
        return new GraphiteServerStats(openConnections(), readPausedConnections(), linesAccepted.get(),
                linesInvalid.get(), batchesStored.get(), batchesNotStored.get(), batchesRejected.get(),
                connectionsFailed.get());
    }
}
