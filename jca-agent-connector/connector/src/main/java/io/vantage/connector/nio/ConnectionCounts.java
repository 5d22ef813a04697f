package io.vantage.connector.nio;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two gauges every listener keeps: open connections (against the connection limit) and the ones it is not
 * reading from (backpressure). Written by the selector thread, read by anyone; each server's counters extend it
 * with their protocol's totals.
 */
public class ConnectionCounts {

    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger readPaused = new AtomicInteger();

    public final int openConnections() {
        return open.get();
    }

    public final int readPausedConnections() {
        return readPaused.get();
    }

    final void opened() {
        open.incrementAndGet();
    }

    final void closed(boolean wasReadPaused) {
        open.decrementAndGet();
        if (wasReadPaused) {
            readPaused.decrementAndGet();
        }
    }

    final void readPaused(boolean paused) {
        readPaused.addAndGet(paused ? 1 : -1);
    }
}
