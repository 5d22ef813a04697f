package io.vantage.checks;

import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Coded log messages of the agents' check results, ids VANTAGE-SVC-0220 to 0239: one method per message so that
 * each id says one thing and operators can search for it.
 */
final class CheckResultsLog {

    private static final Logger LOG = Logger.getLogger("io.vantage.checks");

    private CheckResultsLog() {
    }

    static void stored(long nodeId, int results, String agentId, long sequence) {
        LOG.debugf("VANTAGE-SVC-0220: stored %d check results of node %d (batch %d of agent %s)", results, nodeId,
                sequence, agentId);
    }

    static void storageFailed(String batch, Throwable cause) {
        LOG.warnf("VANTAGE-SVC-0221: storing the check results of %s failed (%s); it and every batch that fails "
                + "after it are redelivered until the store answers; further failures are counted in VANTAGE-SVC-0223",
                batch, cause.toString());
    }

    static void storageStillFailing(long failures, Duration lasted, Throwable lastCause) {
        LOG.warnf("VANTAGE-SVC-0223: storing check results still fails after %.0f s: %d attempts failed and were rolled "
                + "back for redelivery (last: %s)", lasted.toMillis() / 1000.0, failures, lastCause.toString());
    }

    static void storageRecovered(long failures, Duration lasted) {
        LOG.infof("VANTAGE-SVC-0224: storing check results works again after %.1f s; the %d failed attempts were "
                + "redelivered", lasted.toMillis() / 1000.0, failures);
    }

    static void noticeWithoutText(long nodeId, String check, String reason) {
        LOG.debugf("VANTAGE-SVC-0222: the notice about check %s of node %d goes without its status text: %s", check,
                nodeId, reason);
    }
}
