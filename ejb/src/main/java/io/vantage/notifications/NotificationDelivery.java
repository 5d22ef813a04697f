package io.vantage.notifications;

import io.vantage.MonitoringLog;
import io.vantage.checks.CheckTexts;
import io.vantage.events.Events;
import io.vantage.events.NotificationDue;
import io.vantage.notifications.channels.AlertNotice;
import io.vantage.notifications.channels.DeliveryResult;
import io.vantage.notifications.channels.MailChannel;
import io.vantage.notifications.channels.NoticeKind;
import io.vantage.notifications.channels.RetrySchedule;
import io.vantage.notifications.channels.WebhookChannel;
import io.vantage.persistence.alerts.Alert;
import io.vantage.persistence.alerts.AlertEvent;
import io.vantage.persistence.alerts.AlertRepository;
import io.vantage.persistence.inventory.Node;
import io.vantage.persistence.inventory.NodeRepository;
import io.vantage.persistence.monitors.Monitor;
import io.vantage.persistence.monitors.MonitorRepository;
import io.vantage.persistence.notifications.Notification;
import io.vantage.persistence.notifications.NotificationChannel;
import io.vantage.persistence.notifications.NotificationRepository;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Makes one attempt at one notification and records the outcome. A retryable failure (a webhook answering 503, a
 * mail relay that is down) schedules the next attempt on the work queue after the retry schedule's delay, so retries
 * survive restarts and any instance may make them; a permanent failure, or running out of attempts, marks it failed.
 */
@Stateless
public class NotificationDelivery {

    static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final RetrySchedule RETRIES = RetrySchedule.standard();

    @Inject
    NotificationRepository notifications;

    @Inject
    AlertRepository alerts;

    @Inject
    MonitorRepository monitors;

    @Inject
    NodeRepository nodes;

    @Inject
    Events events;

    @Inject
    CheckTexts checkTexts;

    @Inject
    Clock clock;

    @Resource(lookup = "java:jboss/mail/Vantage")
    Session mail;

    public void deliver(NotificationDue due) {
        Notification notification = notifications.find(due.notificationId())
                .filter(n -> n.getOrganizationId() == due.organizationId())
                .orElse(null);
        if (notification == null || notification.isFinished()) {
            return; // delivered already: a redelivered message must not send twice
        }
        NotificationChannel channel = notifications.channel(notification.getOrganizationId(),
                notification.getChannelId()).orElse(null);
        if (channel == null || !channel.isEnabled()) {
            notification.attempted(Notification.Status.FAILED, "channel disabled or removed", clock.instant());
            return;
        }
        DeliveryResult result = send(channel, notice(notification));
        record(notification, channel, result);
    }

    private AlertNotice notice(Notification notification) {
        AlertEvent entry = alerts.findEvent(notification.getAlertEventId()).orElseThrow();
        Alert alert = alerts.find(notification.getOrganizationId(), notification.getAlertId()).orElseThrow();
        Monitor monitor = monitors.findById(alert.getMonitorId()).orElseThrow();
        Node node = nodes.find(notification.getOrganizationId(), alert.getNodeId()).orElseThrow();
        AlertNotice notice = NoticeFactory.noticeOf(notification, entry, monitor, node,
                System.getProperty("vantage.console.url"));
        if (notice.kind() == NoticeKind.NO_DATA) {
            return notice; // the check has gone quiet: its last words would mislead
        }
        return checkTexts.textAt(notification.getOrganizationId(), node.getId(), monitor.getMetric(),
                entry.getOccurredAt()).map(notice::withCheckText).orElse(notice);
    }

    private DeliveryResult send(NotificationChannel channel, AlertNotice notice) {
        switch (channel.getKind()) {
            case EMAIL:
                List<String> recipients = Arrays.stream(channel.getTarget().split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList();
                return new MailChannel(mail, sender()).send(notice, recipients);
            case WEBHOOK:
                return new WebhookChannel(HTTP, WEBHOOK_TIMEOUT).send(notice, URI.create(channel.getTarget()),
                        channel.getSecret());
            default:
                throw new IllegalStateException("unknown channel kind " + channel.getKind());
        }
    }

    private String sender() {
        String from = mail.getProperty("mail.from");
        return from == null || from.isBlank() ? "vantage@localhost" : from;
    }

    private void record(Notification notification, NotificationChannel channel, DeliveryResult result) {
        switch (result.outcome()) {
            case DELIVERED:
                notification.attempted(Notification.Status.DELIVERED, result.detail(), clock.instant());
                MonitoringLog.notificationDelivered(notification.getId(), channel.getName(), result.took());
                return;
            case PERMANENT_FAILURE:
                notification.attempted(Notification.Status.FAILED, result.detail(), clock.instant());
                MonitoringLog.notificationFailed(notification.getId(), channel.getName(), result.detail());
                return;
            default:
                Optional<Duration> next = RETRIES.delayBeforeAttempt(notification.getAttempts() + 2);
                if (next.isEmpty()) {
                    notification.attempted(Notification.Status.FAILED, "gave up: " + result.detail(), clock.instant());
                    MonitoringLog.notificationFailed(notification.getId(), channel.getName(), result.detail());
                    return;
                }
                Duration delay = result.retryAfter() != null && result.retryAfter().compareTo(next.get()) > 0
                        ? result.retryAfter() : next.get();
                notification.attempted(Notification.Status.RETRYING, result.detail(), clock.instant());
                events.publishAfter(new NotificationDue(notification.getOrganizationId(), notification.getId()), delay);
                MonitoringLog.notificationRetrying(notification.getId(), channel.getName(), result.detail(), delay);
        }
    }
}
