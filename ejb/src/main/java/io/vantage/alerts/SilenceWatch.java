package io.vantage.alerts;

import io.vantage.MonitoringLog;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import io.vantage.persistence.alerts.AlertRepository;
import java.time.Clock;
import java.util.List;

/**
 * Finds alerts whose samples stopped past their rule's no-data limit and has each judged. Every instance runs it;
 * the alert's row lock and its cleared deadline make a second look harmless.
 */
@Singleton
public class SilenceWatch {

    private static final int PER_ROUND = 500;

    @Inject
    AlertRepository alerts;

    @Inject
    AlertEvaluation evaluation;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void look() {
        List<Long> silent = alerts.silentSince(clock.instant(), PER_ROUND);
        for (Long alertId : silent) {
            try {
                evaluation.checkSilence(alertId);
            } catch (RuntimeException e) {
                MonitoringLog.silenceCheckFailed(alertId, e);
            }
        }
    }
}
