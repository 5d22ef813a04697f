package io.vantage.connector.logging;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;

import org.jboss.logging.Logger;
import org.jboss.logging.Logger.Level;

/**
 * Every message the agent connector logs, one method each, with ids VANTAGE-CON-0001 to 0099 so that operators
 * can grep and alert on them. Messages an agent can provoke at will (bad keys, garbage, timeouts) are throttled
 * to one line per {@link #QUIET_INTERVAL} per kind; the rest go to DEBUG.
 */
public final class ConnectorLogger {

    static final Duration QUIET_INTERVAL = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger("io.vantage.connector");

    private static final LogThrottle REJECTED = new LogThrottle(QUIET_INTERVAL);
    private static final LogThrottle VIOLATIONS = new LogThrottle(QUIET_INTERVAL);
    private static final LogThrottle REFUSED = new LogThrottle(QUIET_INTERVAL);
    private static final LogThrottle TIMEOUTS = new LogThrottle(QUIET_INTERVAL);
    private static final LogThrottle ADMISSION_FAILURES = new LogThrottle(QUIET_INTERVAL);
    private static final LogThrottle NOT_STORED = new LogThrottle(QUIET_INTERVAL);
    private static final LogThrottle BATCH_REJECTED = new LogThrottle(QUIET_INTERVAL);
    private static final LogThrottle ACCEPT_FAILURES = new LogThrottle(QUIET_INTERVAL);
    private static final LogThrottle GRAPHITE_INVALID_LINES = new LogThrottle(QUIET_INTERVAL);
    private static final LogThrottle GRAPHITE_FAILURES = new LogThrottle(QUIET_INTERVAL);
    private static final LogThrottle GRAPHITE_REFUSED = new LogThrottle(QUIET_INTERVAL);
    private static final LogThrottle GRAPHITE_NOT_STORED = new LogThrottle(QUIET_INTERVAL);
    private static final LogThrottle GRAPHITE_REJECTED = new LogThrottle(QUIET_INTERVAL);
    private static final LogThrottle GRAPHITE_ACCEPT_FAILURES = new LogThrottle(QUIET_INTERVAL);
    private static final LogThrottle NOT_TLS = new LogThrottle(QUIET_INTERVAL);
    private static final LogThrottle TLS_FAILURES = new LogThrottle(QUIET_INTERVAL);
    private static final LogThrottle OUTCOMES_LOST = new LogThrottle(QUIET_INTERVAL);

    private ConnectorLogger() {
    }

    public static void listenerBound(SocketAddress address, int maxConnections, int maxFrameBytes,
                                     int heartbeatSeconds) {
        LOG.infof("VANTAGE-CON-0001: agent listener bound to %s (up to %d connections, frames up to %d bytes, "
                + "heartbeat %d s)", address, maxConnections, maxFrameBytes, heartbeatSeconds);
    }

    public static void listenerClosed(SocketAddress address, int connections) {
        LOG.infof("VANTAGE-CON-0002: agent listener on %s closed, %d agent connections dropped", address, connections);
    }

    public static void endpointActivated(Object activation) {
        LOG.infof("VANTAGE-CON-0003: message endpoint activated: %s", activation);
    }

    public static void endpointDeactivated(Object activation) {
        LOG.infof("VANTAGE-CON-0004: message endpoint deactivated: %s", activation);
    }

    public static void agentAdmitted(String agentId, String hostname, String remote, long lastStoredSequence) {
        LOG.debugf("VANTAGE-CON-0005: agent %s (%s) admitted from %s, last stored batch %d", agentId, hostname,
                remote, lastStoredSequence);
    }

    public static void agentRejected(String agentId, String remote, String reason) {
        throttled(REJECTED, Level.INFO, "VANTAGE-CON-0006: agent %s from %s rejected: %s", agentId, remote, reason);
    }

    public static void protocolViolation(String remote, Object code, String detail) {
        throttled(VIOLATIONS, Level.INFO, "VANTAGE-CON-0007: protocol violation from %s, closing: %s (%s)",
                remote, code, detail);
    }

    public static void connectionRefused(String remote, int open, int limit) {
        throttled(REFUSED, Level.WARN, "VANTAGE-CON-0008: connection from %s refused: %d connections open, "
                + "the limit is %d", remote, open, limit);
    }

    public static void connectionTimedOut(String remote, String why) {
        throttled(TIMEOUTS, Level.INFO, "VANTAGE-CON-0009: connection from %s timed out: %s", remote, why);
    }

    public static void connectionFailed(String remote, Throwable cause) {
        LOG.warnf(cause, "VANTAGE-CON-0010: connection from %s failed unexpectedly and is closed; "
                + "other connections continue", remote);
    }

    public static void admissionFailed(String agentId, String remote, Throwable cause) {
        throttled(ADMISSION_FAILURES, Level.WARN, "VANTAGE-CON-0011: could not ask the application whether agent %s "
                + "from %s may report, closing its connection: %s", agentId, remote, describe(cause));
    }

    public static void batchNotStored(long sequence, String agentId, String reason) {
        throttled(NOT_STORED, Level.WARN, "VANTAGE-CON-0012: batch %d of agent %s was not stored, the agent will "
                + "send it again: %s", sequence, agentId, reason);
    }

    public static void batchRejected(long sequence, String agentId, String reason) {
        throttled(BATCH_REJECTED, Level.INFO, "VANTAGE-CON-0013: batch %d of agent %s rejected for good: %s",
                sequence, agentId, reason);
    }

    public static void loopFailed(Throwable cause) {
        LOG.errorf(cause, "VANTAGE-CON-0014: the agent listener's selector loop failed; it carries on");
    }

    public static void deactivationTimedOut(Object activation, Duration waited) {
        LOG.warnf("VANTAGE-CON-0015: message endpoint %s still had deliveries in flight after %s; "
                + "deactivated anyway", activation, waited);
    }

    public static void selectorDidNotStop(Duration waited) {
        LOG.errorf("VANTAGE-CON-0016: the agent listener's selector thread did not stop within %s", waited);
    }

    public static void connectionAccepted(String remote) {
        LOG.debugf("VANTAGE-CON-0017: agent connection accepted from %s", remote);
    }

    public static void connectionClosed(String remote, String why) {
        LOG.debugf("VANTAGE-CON-0018: agent connection from %s closed: %s", remote, why);
    }

    public static void acceptFailed(Throwable cause) {
        throttled(ACCEPT_FAILURES, Level.WARN, "VANTAGE-CON-0019: accepting an agent connection failed: %s",
                describe(cause));
    }

    public static void afterDeliveryFailedToo(Throwable cause) {
        LOG.debugf(cause, "VANTAGE-CON-0020: afterDelivery failed after the delivery itself had failed");
    }

    public static void adapterStarted(Object settings) {
        LOG.infof("VANTAGE-CON-0021: agent resource adapter started with %s", settings);
    }

    public static void adapterStopped() {
        LOG.infof("VANTAGE-CON-0022: agent resource adapter stopped");
    }

    public static void graphiteListenerBound(SocketAddress address, int maxConnections, int maxLineBytes,
                                             int maxLinesPerBatch) {
        LOG.infof("VANTAGE-CON-0023: Graphite listener bound to %s (up to %d connections, lines up to %d bytes, "
                + "batches up to %d lines)", address, maxConnections, maxLineBytes, maxLinesPerBatch);
    }

    public static void graphiteListenerClosed(SocketAddress address, int connections, long linesLost) {
        Level level = linesLost > 0 ? Level.WARN : Level.INFO;
        LOG.logf(level, "VANTAGE-CON-0024: Graphite listener on %s closed, %d connections dropped, %d received "
                + "lines not stored", address, connections, linesLost);
    }

    public static void graphiteListenerDisabled() {
        LOG.infof("VANTAGE-CON-0025: Graphite listener disabled (graphitePort -1)");
    }

    public static void graphiteLineInvalid(String remote, String reason, String excerpt) {
        throttled(GRAPHITE_INVALID_LINES, Level.INFO, "VANTAGE-CON-0026: invalid Graphite line from %s dropped: "
                + "%s [%s]", remote, reason, excerpt);
    }

    public static void graphiteConnectionFailed(String remote, String reason) {
        throttled(GRAPHITE_FAILURES, Level.INFO, "VANTAGE-CON-0027: Graphite connection from %s closed with an "
                + "error: %s", remote, reason);
    }

    public static void graphiteConnectionRefused(String remote, int open, int limit) {
        throttled(GRAPHITE_REFUSED, Level.WARN, "VANTAGE-CON-0028: Graphite connection from %s refused: %d "
                + "connections open, the limit is %d", remote, open, limit);
    }

    public static void graphiteBatchNotStored(String remote, int lines, String reason, Duration retryIn) {
        throttled(GRAPHITE_NOT_STORED, Level.WARN, "VANTAGE-CON-0029: %d Graphite lines from %s were not stored, "
                + "offering them again in %d ms (the connection is not read meanwhile): %s", lines, remote,
                retryIn.toMillis(), reason);
    }

    public static void graphiteBatchRejected(String remote, int lines, String reason) {
        throttled(GRAPHITE_REJECTED, Level.INFO, "VANTAGE-CON-0030: %d Graphite lines from %s rejected for good "
                + "and dropped: %s", lines, remote, reason);
    }

    public static void graphiteConnectionBroke(String remote, Throwable cause) {
        LOG.warnf(cause, "VANTAGE-CON-0031: Graphite connection from %s failed unexpectedly and is closed; "
                + "other connections continue", remote);
    }

    public static void graphiteLoopFailed(Throwable cause) {
        LOG.errorf(cause, "VANTAGE-CON-0032: the Graphite listener's selector loop failed; it carries on");
    }

    public static void graphiteSelectorDidNotStop(Duration waited) {
        LOG.errorf("VANTAGE-CON-0033: the Graphite listener's selector thread did not stop within %s", waited);
    }

    public static void graphiteConnectionAccepted(String remote) {
        LOG.debugf("VANTAGE-CON-0034: Graphite connection accepted from %s", remote);
    }

    public static void graphiteConnectionClosed(String remote, String why) {
        LOG.debugf("VANTAGE-CON-0035: Graphite connection from %s closed: %s", remote, why);
    }

    public static void graphiteAcceptFailed(Throwable cause) {
        throttled(GRAPHITE_ACCEPT_FAILURES, Level.WARN, "VANTAGE-CON-0036: accepting a Graphite connection failed: "
                + "%s", describe(cause));
    }

    public static void listenerTls(SocketAddress address, List<String> protocols, String certificate) {
        LOG.infof("VANTAGE-CON-0037: agent listener on %s accepts TLS only (%s), certificate %s", address,
                String.join(", ", protocols), certificate);
    }

    public static void tlsNotSpoken(String remote) {
        throttled(NOT_TLS, Level.INFO, "VANTAGE-CON-0038: connection from %s does not speak TLS, which the agent "
                + "listener requires; closed at once (a plaintext agent? set tls=true in its configuration)", remote);
    }

    public static void tlsFailed(String remote, String what, String reason) {
        throttled(TLS_FAILURES, Level.INFO, "VANTAGE-CON-0039: %s with %s failed, closing: %s", what, remote,
                reason);
    }

    public static void tlsEstablished(String remote, String protocol, String cipherSuite) {
        LOG.debugf("VANTAGE-CON-0040: TLS session with %s established: %s, %s", remote, protocol, cipherSuite);
    }

    public static void admissionOutcomeLost(String agentId, String remote, Duration waited) {
        throttled(OUTCOMES_LOST, Level.WARN, "VANTAGE-CON-0041: the application's answer about agent %s from %s has "
                + "not come back within %s, far longer than an admission takes; closing the connection so that the "
                + "agent reconnects", agentId, remote, waited);
    }

    public static void deliveryOutcomeLost(long sequence, String agentId, String remote, Duration waited,
                                           int unanswered) {
        throttled(OUTCOMES_LOST, Level.WARN, "VANTAGE-CON-0042: batch %d of agent %s from %s has waited %s for the "
                + "application's outcome (vantage.agent.delivery-timeout-seconds); closing the connection so that the "
                + "agent reconnects and sends its %d unanswered batches again", sequence, agentId, remote, waited,
                unanswered);
    }

    private static void throttled(LogThrottle throttle, Level level, String format, Object... params) {
        long heldBack = throttle.permit();
        if (heldBack < 0) {
            LOG.debugf(format, params);
        } else if (heldBack == 0) {
            LOG.logf(level, format, params);
        } else {
            LOG.logf(level, format + " (%d more like this in the last %d s)", append(params, heldBack,
                    QUIET_INTERVAL.toSeconds()));
        }
    }

    private static Object[] append(Object[] params, Object... more) {
        Object[] all = new Object[params.length + more.length];
        System.arraycopy(params, 0, all, 0, params.length);
        System.arraycopy(more, 0, all, params.length, more.length);
        return all;
    }

    private static String describe(Throwable cause) {
        return cause == null ? "unknown cause" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
