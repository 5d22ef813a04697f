package io.vantage.infrastructure.jpa;

import io.vantage.persistence.monitors.Monitor;
import io.vantage.persistence.monitors.MonitorRepository;
import io.vantage.persistence.monitors.MonitorTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Monitors and their targets in the relational store. */
@ApplicationScoped
public class JpaMonitorRepository implements MonitorRepository {

    @PersistenceContext(unitName = "vantage")
    EntityManager em;

    @Override
    public List<Monitor> findAll(long organizationId) {
        return em.createQuery("select m from Monitor m where m.organization.id = :org and m.deletedAt is null "
                        + "order by m.name", Monitor.class)
                .setParameter("org", organizationId)
                .getResultList();
    }

    @Override
    public Optional<Monitor> find(long organizationId, long monitorId) {
        return em.createQuery("select m from Monitor m where m.organization.id = :org and m.id = :id "
                        + "and m.deletedAt is null", Monitor.class)
                .setParameter("org", organizationId)
                .setParameter("id", monitorId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<Monitor> findById(long monitorId) {
        return Optional.ofNullable(em.find(Monitor.class, monitorId));
    }

    @Override
    public Optional<Monitor> findByName(long organizationId, String name) {
        return em.createQuery("select m from Monitor m where m.organization.id = :org and m.name = :name",
                        Monitor.class)
                .setParameter("org", organizationId)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Monitor add(Monitor monitor) {
        em.persist(monitor);
        return monitor;
    }

    @Override
    public List<Monitor> appliedTo(long nodeId) {
        return em.createQuery("select m from Monitor m left join fetch m.plan where m.enabled = true "
                        + "and m.id in (select t.monitorId from MonitorTarget t where t.nodeId = :node)", Monitor.class)
                .setParameter("node", nodeId)
                .getResultList();
    }

    @Override
    public java.util.Map<Long, Long> targetCounts(long organizationId) {
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        for (Object[] row : em.createQuery("select t.monitorId, count(t) from MonitorTarget t where t.monitorId in "
                        + "(select m.id from Monitor m where m.organization.id = :org) group by t.monitorId",
                        Object[].class)
                .setParameter("org", organizationId)
                .getResultList()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }

    @Override
    public Set<Long> targetNodeIds(long monitorId) {
        return new HashSet<>(em.createQuery("select t.nodeId from MonitorTarget t where t.monitorId = :monitor",
                        Long.class)
                .setParameter("monitor", monitorId)
                .getResultList());
    }

    @Override
    public boolean setTarget(long monitorId, long nodeId, boolean applies, Instant when) {
        MonitorTarget existing = em.find(MonitorTarget.class, new MonitorTarget.Key(monitorId, nodeId));
        if (applies && existing == null) {
            em.persist(new MonitorTarget(monitorId, nodeId, when));
            return true;
        }
        if (!applies && existing != null) {
            em.remove(existing);
            return true;
        }
        return false;
    }

    @Override
    public TargetChange retarget(long monitorId, Set<Long> nodeIds, Instant when) {
        Set<Long> current = targetNodeIds(monitorId);
        Set<Long> added = new HashSet<>(nodeIds);
        added.removeAll(current);
        Set<Long> removed = new HashSet<>(current);
        removed.removeAll(nodeIds);
        for (Long nodeId : added) {
            em.persist(new MonitorTarget(monitorId, nodeId, when));
        }
        if (!removed.isEmpty()) {
            em.createQuery("delete from MonitorTarget t where t.monitorId = :monitor and t.nodeId in :nodes")
                    .setParameter("monitor", monitorId)
                    .setParameter("nodes", removed)
                    .executeUpdate();
        }
        return new TargetChange(added, removed);
    }
}
