package io.vantage.alerts;

import io.vantage.persistence.alerts.Alert;
import io.vantage.persistence.alerts.AlertEvent;
import io.vantage.persistence.alerts.AlertRepository;
import io.vantage.persistence.alerts.Severity;
import io.vantage.persistence.monitors.Monitor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;

/**
 * Resolves the open problems of a monitor on nodes it stops applying to, so that whoever was told about them hears
 * they are over instead of waiting for a recovery that will never be judged.
 */
@ApplicationScoped
public class AlertClosing {

    @Inject
    AlertRepository alerts;

    @Inject
    AlertHistory history;

    public void unapplied(Monitor monitor, Collection<Long> nodeIds, Instant now) {
        for (Alert alert : alerts.openProblems(monitor.getId(), nodeIds)) {
            Severity was = alert.getSeverity();
            alert.evaluated(io.vantage.alerts.rules.RuleState.initial().encode(), Severity.OK, now, false, null,
                    null, null);
            history.record(new AlertEvent(alert, was, Severity.OK, AlertEvent.Reason.UNAPPLIED, null, now, false,
                    false, null, "monitor no longer applies to this node"));
        }
    }
}
