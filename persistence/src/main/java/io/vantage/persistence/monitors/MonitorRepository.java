package io.vantage.persistence.monitors;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An organization's monitors and the nodes each applies to. Lookups by id are scoped to the organization. */
public interface MonitorRepository {

    /** The organization's monitors, retired ones excluded. */
    List<Monitor> findAll(long organizationId);

    Optional<Monitor> find(long organizationId, long monitorId);

    /** A monitor by id alone: only for services acting on an event that already names the organization's monitor. */
    Optional<Monitor> findById(long monitorId);

    Optional<Monitor> findByName(long organizationId, String name);

    Monitor add(Monitor monitor);

    /** The enabled monitors applied to a node, with their plans, for evaluating its samples. */
    List<Monitor> appliedTo(long nodeId);

    Set<Long> targetNodeIds(long monitorId);

    /** How many nodes each of the organization's monitors applies to, by monitor id (absent: none), in one query. */
    java.util.Map<Long, Long> targetCounts(long organizationId);

    /** Makes the monitor apply, or stop applying, to one node; returns whether that changed anything. */
    boolean setTarget(long monitorId, long nodeId, boolean applies, java.time.Instant when);

    /** Makes the monitor apply to exactly these nodes; returns the nodes added and removed. */
    TargetChange retarget(long monitorId, Set<Long> nodeIds, java.time.Instant when);

    /** What a re-application changed. */
    record TargetChange(Set<Long> added, Set<Long> removed) {
    }
}
