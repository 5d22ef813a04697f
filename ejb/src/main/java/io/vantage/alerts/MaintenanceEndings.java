package io.vantage.alerts;

import io.vantage.MonitoringLog;
import io.vantage.maintenance.MaintenanceCalendar;
import io.vantage.persistence.alerts.Alert;
import io.vantage.persistence.alerts.AlertEvent;
import io.vantage.persistence.alerts.AlertRepository;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * Tells people of problems that a maintenance window kept quiet once the window is over and the problem is still
 * open: a disk that filled up during the upgrade must page someone when the upgrade window closes, not stay silent
 * until its next change. Every instance runs it; the alert's lock and the check made under it keep it to one notice.
 */
@Singleton
public class MaintenanceEndings {

    private static final int PER_ROUND = 200;

    @Inject
    AlertRepository alerts;

    @Inject
    MaintenanceCalendar maintenance;

    @Inject
    AlertHistory history;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void look() {
        Instant now = clock.instant();
        for (Long alertId : alerts.problemsKeptQuiet(PER_ROUND)) {
            Alert alert = alerts.lock(alertId).orElse(null);
            if (alert == null || !alert.getSeverity().isProblem()
                    || maintenance.covers(alert.getOrganizationId(), alert.getNodeId(), now)) {
                continue;
            }
            history.record(new AlertEvent(alert, alert.getSeverity(), alert.getSeverity(),
                    AlertEvent.Reason.MAINTENANCE_ENDED, alert.getLastValue(), now, false, false, null,
                    "maintenance ended with the problem still open"));
            MonitoringLog.problemAfterMaintenance(alertId);
        }
    }
}
