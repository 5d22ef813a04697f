package io.vantage.infrastructure.jpa;

import io.vantage.persistence.notifications.Notification;
import io.vantage.persistence.notifications.NotificationChannel;
import io.vantage.persistence.notifications.NotificationPlan;
import io.vantage.persistence.notifications.NotificationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Channels, plans and notifications in the relational store. */
@ApplicationScoped
public class JpaNotificationRepository implements NotificationRepository {

    @PersistenceContext(unitName = "vantage")
    EntityManager em;

    @Override
    public List<NotificationChannel> channels(long organizationId) {
        return em.createQuery("select c from NotificationChannel c where c.organization.id = :org order by c.name",
                        NotificationChannel.class)
                .setParameter("org", organizationId)
                .getResultList();
    }

    @Override
    public Optional<NotificationChannel> channel(long organizationId, long channelId) {
        return Optional.ofNullable(em.find(NotificationChannel.class, channelId))
                .filter(c -> c.getOrganizationId() == organizationId);
    }

    @Override
    public List<NotificationChannel> channels(long organizationId, Set<Long> channelIds) {
        if (channelIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select c from NotificationChannel c where c.organization.id = :org "
                        + "and c.id in :ids order by c.id", NotificationChannel.class)
                .setParameter("org", organizationId)
                .setParameter("ids", channelIds)
                .getResultList();
    }

    @Override
    public NotificationChannel add(NotificationChannel channel) {
        em.persist(channel);
        return channel;
    }

    @Override
    public List<NotificationPlan> plans(long organizationId) {
        return em.createQuery("select p from NotificationPlan p where p.organization.id = :org order by p.name",
                        NotificationPlan.class)
                .setParameter("org", organizationId)
                .getResultList();
    }

    @Override
    public Optional<NotificationPlan> plan(long organizationId, long planId) {
        return Optional.ofNullable(em.find(NotificationPlan.class, planId))
                .filter(p -> p.getOrganizationId() == organizationId);
    }

    @Override
    public NotificationPlan add(NotificationPlan plan) {
        em.persist(plan);
        return plan;
    }

    @Override
    public Notification add(Notification notification) {
        em.persist(notification);
        em.flush();
        return notification;
    }

    @Override
    public Optional<Notification> find(long notificationId) {
        return Optional.ofNullable(em.find(Notification.class, notificationId));
    }

    @Override
    public List<Notification> forAlert(long organizationId, long alertId) {
        return em.createQuery("select n from Notification n where n.organizationId = :org and n.alertId = :alert "
                        + "order by n.createdAt, n.id", Notification.class)
                .setParameter("org", organizationId)
                .setParameter("alert", alertId)
                .getResultList();
    }

    @Override
    public Set<Long> channelsToldSince(long alertId, Instant problemStarted) {
        /* by the time the problem occurred, not when the notice was made: sample clocks and server clocks differ */
        return new HashSet<>(em.createQuery("select distinct n.channelId from Notification n where n.alertId = :alert "
                        + "and n.status <> :suppressed and n.kind in (:problem, :flapping, :noData) "
                        + "and n.alertEventId in (select e.id from AlertEvent e where e.alertId = :alert "
                        + "and e.occurredAt >= :since)", Long.class)
                .setParameter("alert", alertId)
                .setParameter("since", problemStarted)
                .setParameter("suppressed", Notification.Status.SUPPRESSED)
                .setParameter("problem", Notification.Kind.PROBLEM)
                .setParameter("flapping", Notification.Kind.FLAPPING)
                .setParameter("noData", Notification.Kind.NO_DATA)
                .getResultList());
    }
}
