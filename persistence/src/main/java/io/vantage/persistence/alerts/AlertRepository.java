package io.vantage.persistence.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Alert state and history. Reads for people are scoped to an organization; the evaluator locks what it changes. */
public interface AlertRepository {

    /** The alert of a monitor on a node, locked for update; created in state OK if there is none yet. */
    Alert lockOrCreate(long organizationId, long monitorId, long nodeId, String initialRuleState, Instant now);

    /** Makes sure the alert of a monitor on a node exists, in state OK if it is new (when the monitor is applied). */
    void ensureExists(long organizationId, long monitorId, long nodeId, String initialRuleState, Instant now);

    /** The alert locked for update, if it exists. */
    Optional<Alert> lock(long alertId);

    Optional<Alert> find(long organizationId, long alertId);

    /** The caller's alerts, filtered; null filters match everything. Newest change first. */
    List<Alert> search(long organizationId, AlertFilter filter);

    /** Ids of alerts whose no-data deadline has passed. */
    List<Long> silentSince(Instant now, int limit);

    AlertEvent record(AlertEvent event);

    List<AlertEvent> history(long organizationId, long alertId);

    Optional<AlertEvent> findEvent(long eventId);

    /**
     * Ids of open problems nobody has been told of because they began inside a maintenance window: their current
     * episode has an entry made in maintenance and no notice that was sent (rather than suppressed).
     */
    List<Long> problemsKeptQuiet(int limit);

    /** The alert's history entries the notifier has not dispatched yet, oldest first. */
    List<AlertEvent> undispatched(long alertId);

    /** When the problem an entry belongs to began: the latest change away from OK at or before the entry. */
    Optional<Instant> problemStartedBy(AlertEvent event);

    /** The alerts of a monitor that are not OK, for closing them when the monitor stops applying. */
    List<Alert> openProblems(long monitorId, java.util.Collection<Long> nodeIds);

    /** What people filter alerts by. */
    record AlertFilter(Severity minimumSeverity, Long monitorId, Long nodeId, Boolean acknowledged, int limit) {
    }
}
