package io.vantage.connector.logging;

import org.jboss.logging.Logger;

/**
 * The messages of the connector's requests to agents (protocol version 2), ids VANTAGE-CON-0100 to 0119 (the
 * listeners keep 0001 to 0099). What an agent can provoke at will is throttled or at DEBUG.
 */
public final class RequestLogger {

    private static final Logger LOG = Logger.getLogger("io.vantage.connector");
    private static final LogThrottle MISBEHAVING = new LogThrottle(ConnectorLogger.QUIET_INTERVAL);

    private RequestLogger() {
    }

    public static void lateResponse(String agentId, long requestId) {
        LOG.debugf("VANTAGE-CON-0100: agent %s answered request %d after it was given up; ignored", agentId, requestId);
    }

    public static void answerRefused(String agentId, long requestId) {
        long suppressed = MISBEHAVING.permit();
        if (suppressed >= 0) {
            LOG.warnf("VANTAGE-CON-0101: agent %s answered request %d with what was not asked (another kind, or more "
                    + "entries than the limit); the request failed (%d more such answers not logged)", agentId,
                    requestId, suppressed);
        }
    }
}
