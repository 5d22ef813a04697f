package io.vantage.diagnostics;

import org.jboss.logging.Logger;

/**
 * Coded log messages of live diagnostics, ids VANTAGE-SVC-0200 to 0219. A refreshing page asks every few seconds,
 * so what a missing or slow agent causes goes to DEBUG.
 */
final class DiagnosticsLog {

    private static final Logger LOG = Logger.getLogger("io.vantage.diagnostics");

    private DiagnosticsLog() {
    }

    static void unanswered(long nodeId, String reason, String message) {
        LOG.debugf("VANTAGE-SVC-0200: no process list for node %d (%s): %s", nodeId, reason, message);
    }
}
