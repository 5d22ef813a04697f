package io.vantage.web.console;

import org.jboss.logging.Logger;

/**
 * The console's coded log messages, ids VANTAGE-WEB-0001 to 0999: one method per message so that each id says one
 * thing and operators can search for it.
 */
final class ConsoleLog {

    private static final Logger LOG = Logger.getLogger("io.vantage.web.console");

    private ConsoleLog() {
    }

    static void signedIn(String username) {
        LOG.infof("VANTAGE-WEB-0001: %s signed in to the console", printable(username));
    }

    static void signInRefused(String username) {
        LOG.infof("VANTAGE-WEB-0002: console sign-in refused for '%s'", printable(username));
    }

    static void signedOut(String username) {
        LOG.infof("VANTAGE-WEB-0003: %s signed out of the console", printable(username));
    }

    static void storageUnavailable(long nodeId, String reason) {
        LOG.warnf("VANTAGE-WEB-0010: stored samples of node %d are unavailable (%s); the page shows live values only",
                nodeId, reason);
    }

    static void pushFailed(long organizationId, long nodeId, Throwable cause) {
        LOG.warnf("VANTAGE-WEB-0021: pushing live samples of node %d to organization %d failed (%s); the next batch "
                + "brings newer values", nodeId, organizationId, cause.toString());
    }

    static void pushed(long organizationId, long nodeId, int batchSize, int sockets) {
        LOG.tracef("VANTAGE-WEB-0022: pushed the console's share of a %d-sample batch of node %d to %d sockets of "
                + "organization %d", batchSize, nodeId, sockets, organizationId);
    }

    static void undecodableAlertChange(String messageId, String reason) {
        LOG.warnf("VANTAGE-WEB-0030: alert change %s cannot be read for the live view (%s); skipped", messageId,
                reason);
    }

    static void alertPushFailed(long organizationId, long alertId, Throwable cause) {
        LOG.warnf("VANTAGE-WEB-0031: pushing a change of alert %d to organization %d failed (%s); the pages show it "
                + "when they next redraw", alertId, organizationId, cause.toString());
    }

    static void alertPushed(long organizationId, long alertId, int sockets) {
        LOG.tracef("VANTAGE-WEB-0032: pushed a change of alert %d to %d sockets of organization %d", alertId, sockets,
                organizationId);
    }

    static void monitorCreated(String username, long monitorId, String name) {
        LOG.infof("VANTAGE-WEB-0040: %s created monitor %d '%s' in the console", printable(username), monitorId,
                printable(name));
    }

    static void monitorDeleted(String username, long monitorId) {
        LOG.infof("VANTAGE-WEB-0041: %s deleted monitor %d in the console", printable(username), monitorId);
    }

    static void alertAcknowledged(String username, long alertId) {
        LOG.infof("VANTAGE-WEB-0042: %s acknowledged alert %d in the console", printable(username), alertId);
    }

    static void processesNodeUnknown(long organizationId, long nodeId) {
        LOG.warnf("VANTAGE-WEB-0050: organization %d has no node %d; its processes panels are no longer refreshed",
                organizationId, nodeId);
    }

    static void processesWatchersGone(long organizationId, long nodeId, int watchers) {
        LOG.debugf("VANTAGE-WEB-0051: %d processes panels of node %d (organization %d) have no open socket any more; "
                + "forgotten", watchers, nodeId, organizationId);
    }

    static void processesRefreshFailed(long organizationId, long nodeId, Throwable cause) {
        LOG.warnf("VANTAGE-WEB-0052: refreshing the processes of node %d for organization %d failed (%s); the next "
                + "round tries again", nodeId, organizationId, cause.toString());
    }

    static void processesPushed(long organizationId, long nodeId, int sockets) {
        LOG.tracef("VANTAGE-WEB-0053: pushed new processes of node %d to %d sockets of organization %d", nodeId,
                sockets, organizationId);
    }

    static void checkResultsUnavailable(long nodeId, String reason) {
        LOG.warnf("VANTAGE-WEB-0060: check results of node %d cannot be read (%s); its Checks panel says so", nodeId,
                reason);
    }

    /** A name typed by someone unknown, made safe for one log line: no control characters, bounded length. */
    private static String printable(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\p{Cntrl}", "?");
        return line.length() > 100 ? line.substring(0, 100) + "..." : line;
    }
}
