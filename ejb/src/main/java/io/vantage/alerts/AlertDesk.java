package io.vantage.alerts;

import io.vantage.InvalidInputException;
import io.vantage.UnknownIdException;
import io.vantage.persistence.alerts.Alert;
import io.vantage.persistence.alerts.AlertEvent;
import io.vantage.persistence.alerts.AlertRepository;
import io.vantage.persistence.notifications.Notification;
import io.vantage.persistence.notifications.NotificationRepository;
import io.vantage.security.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** What people do with alerts: look them up, read their history and notifications, acknowledge them. */
@Stateless
public class AlertDesk {

    private static final int MAX_LIST = 1000;

    @Inject
    AlertRepository alerts;

    @Inject
    NotificationRepository notifications;

    @Inject
    AlertHistory history;

    @Inject
    Clock clock;

    public List<Alert> list(Caller caller, AlertRepository.AlertFilter filter) {
        int limit = filter.limit() <= 0 ? 100 : Math.min(filter.limit(), MAX_LIST);
        return alerts.search(caller.organizationId(), new AlertRepository.AlertFilter(filter.minimumSeverity(),
                filter.monitorId(), filter.nodeId(), filter.acknowledged(), limit));
    }

    public Alert get(Caller caller, long alertId) {
        return alerts.find(caller.organizationId(), alertId).orElseThrow(() -> new UnknownIdException("alert", alertId));
    }

    public List<AlertEvent> history(Caller caller, long alertId) {
        return alerts.history(caller.organizationId(), get(caller, alertId).getId());
    }

    public List<Notification> notifications(Caller caller, long alertId) {
        return notifications.forAlert(caller.organizationId(), get(caller, alertId).getId());
    }

    /**
     * Records that someone is on it: the acknowledgement lasts until the severity changes, and every channel that
     * heard of the problem hears who took it.
     */
    public Alert acknowledge(Caller caller, long alertId, String note) {
        get(caller, alertId);
        Alert alert = alerts.lock(alertId).orElseThrow(() -> new UnknownIdException("alert", alertId));
        if (!alert.getSeverity().isProblem()) {
            throw new InvalidInputException("alert " + alertId + " is OK: there is nothing to acknowledge");
        }
        if (note != null && note.length() > 1000) {
            throw new InvalidInputException("note is at most 1000 characters");
        }
        Instant now = clock.instant();
        alert.acknowledge(caller.username(), now, note);
        history.record(new AlertEvent(alert, alert.getSeverity(), alert.getSeverity(), AlertEvent.Reason.ACKNOWLEDGED,
                alert.getLastValue(), now, false, false, caller.username(), note));
        return alert;
    }
}
