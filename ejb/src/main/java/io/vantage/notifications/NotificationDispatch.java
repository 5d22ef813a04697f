package io.vantage.notifications;

import io.vantage.events.AlertChanged;
import io.vantage.events.Events;
import io.vantage.events.NotificationDue;
import io.vantage.persistence.alerts.Alert;
import io.vantage.persistence.alerts.AlertEvent;
import io.vantage.persistence.alerts.AlertRepository;
import io.vantage.persistence.alerts.Severity;
import io.vantage.persistence.monitors.Monitor;
import io.vantage.persistence.monitors.MonitorRepository;
import io.vantage.persistence.notifications.Notification;
import io.vantage.persistence.notifications.NotificationChannel;
import io.vantage.persistence.notifications.NotificationPlan;
import io.vantage.persistence.notifications.NotificationRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides who hears about an alert history entry and queues one notification per channel. Problems go to the
 * channels the monitor's plan routes their severity to; resolutions and acknowledgements go to every channel that
 * was told about the problem, whatever the plan says by now and whether or not a maintenance window has begun since.
 * Problems inside a maintenance window are recorded as suppressed notifications. Sending is left to
 * {@link NotificationDelivery}, one message per notification, so one slow channel delays no other.
 */
@Stateless
public class NotificationDispatch {

    @Inject
    AlertRepository alerts;

    @Inject
    MonitorRepository monitors;

    @Inject
    NotificationRepository notifications;

    @Inject
    Events events;

    @Inject
    Clock clock;

    /**
     * Dispatches the alert's history entries that are not dispatched yet, in the order they happened, under the
     * alert's lock. Changes are announced one message each and several notifier sessions run at once, so the message
     * for a resolution may be taken before the one for its problem; whichever comes first dispatches both, in order,
     * and a redelivered message finds nothing left to do.
     */
    public void dispatch(AlertChanged change) {
        if (alerts.find(change.organizationId(), change.alertId()).isEmpty()) {
            return;
        }
        Alert alert = alerts.lock(change.alertId()).orElseThrow();
        for (AlertEvent entry : alerts.undispatched(alert.getId())) {
            entry.markDispatched();
            if (!entry.isQuiet()) {
                dispatch(alert, entry);
            }
        }
    }

    private void dispatch(Alert alert, AlertEvent entry) {
        Monitor monitor = monitors.findById(alert.getMonitorId()).orElse(null);
        NotificationPlan plan = monitor == null ? null : monitor.getPlan();
        Notification.Kind kind = kindOf(entry);
        Set<Long> channels = audience(kind, entry, plan);
        boolean suppressed = entry.isInMaintenance() && kind != Notification.Kind.RESOLVED
                && kind != Notification.Kind.ACKNOWLEDGED;
        Instant now = clock.instant();
        for (NotificationChannel channel : notifications.channels(alert.getOrganizationId(), channels)) {
            if (!channel.isEnabled()) {
                continue;
            }
            Notification notification = notifications.add(new Notification(alert.getOrganizationId(), alert.getId(),
                    entry.getId(), channel.getId(), kind, entry.getTo(),
                    suppressed ? Notification.Status.SUPPRESSED : Notification.Status.PENDING, now));
            if (!suppressed) {
                events.publish(new NotificationDue(alert.getOrganizationId(), notification.getId()));
            }
        }
    }

    static Notification.Kind kindOf(AlertEvent entry) {
        switch (entry.getReason()) {
            case ACKNOWLEDGED:
                return Notification.Kind.ACKNOWLEDGED;
            case FLAPPING_STARTED:
                return Notification.Kind.FLAPPING;
            case NO_DATA:
                return entry.getTo().isProblem() ? Notification.Kind.NO_DATA : Notification.Kind.RESOLVED;
            default:
                if (entry.getReason() == AlertEvent.Reason.FLAPPING_ENDED && entry.getTo().isProblem()) {
                    return Notification.Kind.FLAPPING_ENDED;
                }
                return entry.getTo().isProblem() ? Notification.Kind.PROBLEM : Notification.Kind.RESOLVED;
        }
    }

    private Set<Long> audience(Notification.Kind kind, AlertEvent entry, NotificationPlan plan) {
        switch (kind) {
            case RESOLVED:
            case ACKNOWLEDGED:
                Instant problemStarted = alerts.problemStartedBy(entry).orElse(Instant.EPOCH);
                return notifications.channelsToldSince(entry.getAlertId(), problemStarted);
            case FLAPPING:
                if (plan == null) {
                    return Set.of();
                }
                Set<Long> everyone = new HashSet<>(plan.channelsFor(Severity.WARNING));
                everyone.addAll(plan.channelsFor(Severity.CRITICAL));
                return everyone;
            default:
                return plan == null ? Set.of() : plan.channelsFor(entry.getTo());
        }
    }
}
