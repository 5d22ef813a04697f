package io.vantage.persistence.notifications;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Channels, plans and the record of every notice sent. Lookups by id are scoped to the organization. */
public interface NotificationRepository {

    List<NotificationChannel> channels(long organizationId);

    Optional<NotificationChannel> channel(long organizationId, long channelId);

    List<NotificationChannel> channels(long organizationId, Set<Long> channelIds);

    NotificationChannel add(NotificationChannel channel);

    List<NotificationPlan> plans(long organizationId);

    Optional<NotificationPlan> plan(long organizationId, long planId);

    NotificationPlan add(NotificationPlan plan);

    Notification add(Notification notification);

    Optional<Notification> find(long notificationId);

    /** The notifications of an alert, oldest first. */
    List<Notification> forAlert(long organizationId, long alertId);

    /**
     * The channels that were told about the alert's current problem, that is about history entries that occurred at
     * or after {@code problemStarted}: the ones that must hear it is resolved. Suppressed notices do not count; a
     * notice still being retried does.
     */
    Set<Long> channelsToldSince(long alertId, java.time.Instant problemStarted);
}
