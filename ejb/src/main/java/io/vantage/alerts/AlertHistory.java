package io.vantage.alerts;

import io.vantage.alerts.rules.AlertTransition;
import io.vantage.events.AlertChanged;
import io.vantage.events.Events;
import io.vantage.persistence.alerts.Alert;
import io.vantage.persistence.alerts.AlertEvent;
import io.vantage.persistence.alerts.AlertRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Writes an alert's history entries and announces each one on the alerts topic, in the caller's transaction: an
 * entry exists if and only if its announcement is sent.
 */
@ApplicationScoped
public class AlertHistory {

    @Inject
    AlertRepository alerts;

    @Inject
    Events events;

    public AlertEvent record(Alert alert, AlertTransition transition, boolean inMaintenance) {
        return record(new AlertEvent(alert, transition.from(), transition.to(),
                AlertEvent.Reason.valueOf(transition.reason().name()), transition.value(), transition.at(),
                transition.quiet(), inMaintenance, null, null));
    }

    public AlertEvent record(AlertEvent entry) {
        AlertEvent recorded = alerts.record(entry);
        events.publish(new AlertChanged(recorded.getOrganizationId(), recorded.getAlertId(), recorded.getId()));
        return recorded;
    }
}
