package io.vantage.connector.server;

/**
 * A moment's view of the agent listener, for monitoring the monitor.
 *
 * @param openConnections       agent connections currently open
 * @param readPausedConnections open connections the listener is not reading from, because their batches wait
 *                              for the application or their peer does not read its answers
 * @param batchesReceived       batches received from admitted agents since start
 * @param batchesAcknowledged   batches acknowledged to agents since start
 */
public record AgentServerStats(int openConnections, int readPausedConnections, long batchesReceived,
                               long batchesAcknowledged) {
}
