package io.vantage;

import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Coded log messages of monitoring (inventory search, monitors, alerts, remote checks, notifications), ids
 * VANTAGE-SVC-0100 to 0199: one method per message so that each id says one thing and operators can search for it.
 */
public final class MonitoringLog {

    private static final Logger LOG = Logger.getLogger("io.vantage.monitoring");

    private MonitoringLog() {
    }

    public static void inventoryReindexed(long inDatabase, long wasInIndex) {
        LOG.infof("VANTAGE-SVC-0100: node index rebuilt: %d nodes in the database, %d were in the index", inDatabase,
                wasInIndex);
    }

    public static void monitorApplied(long monitorId, long revision, int targets, int added, int removed) {
        LOG.infof("VANTAGE-SVC-0110: monitor %d revision %d applies to %d nodes (%d added, %d removed)", monitorId,
                revision, targets, added, removed);
    }

    public static void silenceCheckFailed(long alertId, Throwable cause) {
        LOG.warnf(cause, "VANTAGE-SVC-0120: no-data check of alert %d failed; it is tried again in 5 s", alertId);
    }

    public static void problemAfterMaintenance(long alertId) {
        LOG.infof("VANTAGE-SVC-0121: alert %d is still a problem after its maintenance window; notifying", alertId);
    }

    public static void remoteCheckRan(long monitorId, long nodeId, String status, Duration took) {
        LOG.debugf("VANTAGE-SVC-0130: remote check of monitor %d on node %d: %s in %d ms", monitorId, nodeId, status,
                took.toMillis());
    }

    public static void remoteCheckChainEnded(long monitorId, long nodeId, long revision, String why) {
        LOG.debugf("VANTAGE-SVC-0131: remote check of monitor %d revision %d on node %d stops: %s", monitorId,
                revision, nodeId, why);
    }

    public static void notificationDelivered(long notificationId, String channel, Duration took) {
        LOG.infof("VANTAGE-SVC-0140: notification %d delivered to channel '%s' in %d ms", notificationId, channel,
                took == null ? -1 : took.toMillis());
    }

    public static void notificationRetrying(long notificationId, String channel, String reason, Duration delay) {
        LOG.warnf("VANTAGE-SVC-0141: notification %d to channel '%s' failed (%s); retrying in %d s", notificationId,
                channel, reason, delay.toSeconds());
    }

    public static void notificationFailed(long notificationId, String channel, String reason) {
        LOG.errorf("VANTAGE-SVC-0142: notification %d to channel '%s' failed for good: %s", notificationId, channel,
                reason);
    }

    public static void unreadableEvent(String messageId, String reason) {
        LOG.errorf("VANTAGE-SVC-0150: event message %s cannot be read (%s); dropped", messageId, reason);
    }
}
