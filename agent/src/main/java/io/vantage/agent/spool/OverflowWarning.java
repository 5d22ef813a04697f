package io.vantage.agent.spool;

import io.vantage.agent.log.AgentLog;

/**
 * Counts batches a full spool dropped and logs the start and the end of each overflow, not each dropped batch.
 * The overflow ends once the spool is back to half its bound, so a server that acknowledges one batch now and then
 * does not make the warning flap.
 */
final class OverflowWarning {

    private final String limit;
    private long droppedInOverflow;
    private long droppedTotal;

    /** @param limit the bound in words, for example {@code 1000 batches} */
    OverflowWarning(String limit) {
        this.limit = limit;
    }

    void dropped() {
        if (droppedInOverflow == 0) {
            AgentLog.spoolOverflowing(limit);
        }
        droppedInOverflow++;
        droppedTotal++;
    }

    /** Called as the spool shrinks, with whether it is now at or below half its bound. */
    void shrank(boolean atMostHalfFull) {
        if (atMostHalfFull && droppedInOverflow > 0) {
            AgentLog.spoolRecovered(droppedInOverflow, droppedTotal);
            droppedInOverflow = 0;
        }
    }

    long total() {
        return droppedTotal;
    }
}
