package io.vantage.infrastructure.jpa;

import io.vantage.persistence.alerts.Alert;
import io.vantage.persistence.alerts.AlertEvent;
import io.vantage.persistence.alerts.AlertRepository;
import io.vantage.persistence.alerts.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Alert state and history in the relational store. */
@ApplicationScoped
public class JpaAlertRepository implements AlertRepository {

    @PersistenceContext(unitName = "vantage")
    EntityManager em;

    @Override
    public Alert lockOrCreate(long organizationId, long monitorId, long nodeId, String initialRuleState, Instant now) {
        Optional<Alert> existing = em.createQuery("select a from Alert a where a.monitorId = :monitor "
                        + "and a.nodeId = :node", Alert.class)
                .setParameter("monitor", monitorId)
                .setParameter("node", nodeId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        /*
         * Normally made when the monitor was applied; if not, two evaluators could both create it here, and the
         * unique key rejects the second, whose message is redelivered
         */
        Alert alert = new Alert(organizationId, monitorId, nodeId, initialRuleState, now);
        em.persist(alert);
        em.flush();
        return alert;
    }

    @Override
    public void ensureExists(long organizationId, long monitorId, long nodeId, String initialRuleState, Instant now) {
        boolean exists = !em.createQuery("select a.id from Alert a where a.monitorId = :monitor and a.nodeId = :node",
                        Long.class)
                .setParameter("monitor", monitorId)
                .setParameter("node", nodeId)
                .getResultList().isEmpty();
        if (!exists) {
            em.persist(new Alert(organizationId, monitorId, nodeId, initialRuleState, now));
        }
    }

    @Override
    public Optional<Alert> lock(long alertId) {
        return Optional.ofNullable(em.find(Alert.class, alertId, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<Alert> find(long organizationId, long alertId) {
        return Optional.ofNullable(em.find(Alert.class, alertId)).filter(a -> a.getOrganizationId() == organizationId);
    }

    @Override
    public List<Alert> search(long organizationId, AlertFilter filter) {
        StringBuilder jpql = new StringBuilder("select a from Alert a where a.organizationId = :org");
        Set<Severity> severities = EnumSet.allOf(Severity.class);
        if (filter.minimumSeverity() != null) {
            severities.removeIf(s -> s.compareTo(filter.minimumSeverity()) < 0);
            jpql.append(" and a.severity in :severities");
        }
        if (filter.monitorId() != null) {
            jpql.append(" and a.monitorId = :monitor");
        }
        if (filter.nodeId() != null) {
            jpql.append(" and a.nodeId = :node");
        }
        if (filter.acknowledged() != null) {
            jpql.append(filter.acknowledged() ? " and a.acknowledgedAt is not null" : " and a.acknowledgedAt is null");
        }
        jpql.append(" order by a.since desc, a.id desc");
        TypedQuery<Alert> query = em.createQuery(jpql.toString(), Alert.class).setParameter("org", organizationId);
        if (filter.minimumSeverity() != null) {
            query.setParameter("severities", new ArrayList<>(severities));
        }
        if (filter.monitorId() != null) {
            query.setParameter("monitor", filter.monitorId());
        }
        if (filter.nodeId() != null) {
            query.setParameter("node", filter.nodeId());
        }
        return query.setMaxResults(filter.limit()).getResultList();
    }

    @Override
    public List<Long> silentSince(Instant now, int limit) {
        return em.createQuery("select a.id from Alert a where a.silenceDeadline <= :now order by a.silenceDeadline",
                        Long.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public AlertEvent record(AlertEvent event) {
        em.persist(event);
        em.flush();
        return event;
    }

    @Override
    public List<AlertEvent> history(long organizationId, long alertId) {
        return em.createQuery("select e from AlertEvent e where e.organizationId = :org and e.alertId = :alert "
                        + "order by e.occurredAt, e.id", AlertEvent.class)
                .setParameter("org", organizationId)
                .setParameter("alert", alertId)
                .getResultList();
    }

    @Override
    public Optional<AlertEvent> findEvent(long eventId) {
        return Optional.ofNullable(em.find(AlertEvent.class, eventId));
    }

    @Override
    public List<Long> problemsKeptQuiet(int limit) {
        return em.createQuery("select a.id from Alert a where a.severity <> :ok "
                        + "and exists (select e.id from AlertEvent e where e.alertId = a.id and e.inMaintenance = true "
                        + "and e.occurredAt >= a.since) "
                        + "and not exists (select n.id from Notification n where n.alertId = a.id "
                        + "and n.status <> :suppressed and n.alertEventId in (select e2.id from AlertEvent e2 "
                        + "where e2.alertId = a.id and e2.occurredAt >= a.since)) "
                        + "and not exists (select e3.id from AlertEvent e3 where e3.alertId = a.id "
                        + "and e3.reason = :ended and e3.occurredAt >= a.since)", Long.class)
                .setParameter("ok", Severity.OK)
                .setParameter("ended", AlertEvent.Reason.MAINTENANCE_ENDED)
                .setParameter("suppressed", io.vantage.persistence.notifications.Notification.Status.SUPPRESSED)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<AlertEvent> undispatched(long alertId) {
        return em.createQuery("select e from AlertEvent e where e.alertId = :alert and e.dispatched = false "
                        + "order by e.occurredAt, e.id", AlertEvent.class)
                .setParameter("alert", alertId)
                .getResultList();
    }

    @Override
    public Optional<Instant> problemStartedBy(AlertEvent event) {
        return Optional.ofNullable(em.createQuery("select max(e.occurredAt) from AlertEvent e where e.alertId = :alert "
                        + "and e.from = :ok and e.to <> :ok and e.occurredAt <= :at", Instant.class)
                .setParameter("alert", event.getAlertId())
                .setParameter("ok", Severity.OK)
                .setParameter("at", event.getOccurredAt())
                .getSingleResult());
    }

    @Override
    public List<Alert> openProblems(long monitorId, Collection<Long> nodeIds) {
        if (nodeIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select a from Alert a where a.monitorId = :monitor and a.nodeId in :nodes "
                        + "and a.severity <> :ok", Alert.class)
                .setParameter("monitor", monitorId)
                .setParameter("nodes", nodeIds)
                .setParameter("ok", Severity.OK)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }
}
