package io.vantage.connector.graphite;

/**
 * A moment's view of the Graphite listener, for monitoring the monitor.
 *
 * @param openConnections       Graphite connections currently open
 * @param readPausedConnections open connections not read from because their batch waits for the application
 * @param linesAccepted         valid lines parsed since start
 * @param linesInvalid          lines dropped as invalid since start (Graphite semantics: the sender is not told)
 * @param batchesStored         batches the application took
 * @param batchesNotStored      offers the application answered "not stored" (each is offered again later)
 * @param batchesRejected       batches the application refused for good, and dropped
 * @param connectionsFailed     connections closed with an {@code ERROR} line (over-long line, garbage, idle...)
 */
public record GraphiteServerStats(int openConnections, int readPausedConnections, long linesAccepted,
                                  long linesInvalid, long batchesStored, long batchesNotStored, long batchesRejected,
                                  long connectionsFailed) {
}
