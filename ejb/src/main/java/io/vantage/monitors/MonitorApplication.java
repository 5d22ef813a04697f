package io.vantage.monitors;

import io.vantage.MonitoringLog;
import io.vantage.alerts.AlertClosing;
import io.vantage.alerts.AppliedMonitors;
import io.vantage.alerts.rules.RuleState;
import io.vantage.events.Events;
import io.vantage.events.MonitorChanged;
import io.vantage.events.NodeChanged;
import io.vantage.events.RemoteCheckDue;
import io.vantage.inventory.NodeSearch;
import io.vantage.inventory.query.NodeFacts;
import io.vantage.inventory.query.NodeQueryMatcher;
import io.vantage.inventory.query.NodeQueryParser;
import io.vantage.persistence.alerts.AlertRepository;
import io.vantage.persistence.inventory.Node;
import io.vantage.persistence.inventory.NodeRepository;
import io.vantage.persistence.monitors.Monitor;
import io.vantage.persistence.monitors.MonitorRepository;
import io.vantage.persistence.monitors.RemoteCheckSettings;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keeps every monitor applied to exactly the nodes its query selects. A changed monitor is resolved against the node
 * index; a changed node is matched in memory against its organization's monitors (its own index update may not be
 * visible yet when the event arrives). Nodes that stop matching get their open alerts resolved; nodes that start
 * matching a remote-check monitor get their check scheduled.
 */
@Stateless
public class MonitorApplication {

    @Inject
    MonitorRepository monitors;

    @Inject
    NodeRepository nodes;

    @Inject
    NodeSearch search;

    @Inject
    AlertClosing closing;

    @Inject
    AlertRepository alerts;

    @Inject
    AppliedMonitors appliedMonitors;

    @Inject
    Events events;

    @Inject
    Clock clock;

    public void apply(MonitorChanged change) {
        Monitor monitor = monitors.findById(change.monitorId()).orElse(null);
        if (monitor == null || monitor.getOrganizationId() != change.organizationId()
                || monitor.getRevision() != change.revision()) {
            return; // a newer revision's event is on its way and will do the work
        }
        appliedMonitors.changing(null);
        Set<Long> targets = monitor.isEnabled() && !monitor.isDeleted()
                ? search.matchingIds(monitor.getOrganizationId(), NodeQueryParser.parse(monitor.getNodeQuery()))
                : Set.of();
        Instant now = clock.instant();
        MonitorRepository.TargetChange applied = monitors.retarget(monitor.getId(), targets, now);
        applied.added().forEach(nodeId -> startAlert(monitor, nodeId, now));
        closing.unapplied(monitor, applied.removed(), now);
        // a new revision starts new check chains everywhere; the old ones see the revision and stop
        scheduleChecks(monitor, targets);
        MonitoringLog.monitorApplied(monitor.getId(), monitor.getRevision(), targets.size(), applied.added().size(),
                applied.removed().size());
    }

    public void apply(NodeChanged change) {
        Node node = nodes.find(change.organizationId(), change.nodeId()).orElse(null);
        if (node == null) {
            return;
        }
        appliedMonitors.changing(node.getId());
        NodeFacts facts = NodeSearch.factsOf(node);
        Instant now = clock.instant();
        for (Monitor monitor : monitors.findAll(change.organizationId())) {
            boolean applies = monitor.isEnabled()
                    && NodeQueryMatcher.matches(NodeQueryParser.parse(monitor.getNodeQuery()), facts);
            if (monitors.setTarget(monitor.getId(), node.getId(), applies, now)) {
                if (applies) {
                    startAlert(monitor, node.getId(), now);
                    scheduleChecks(monitor, List.of(node.getId()));
                } else {
                    closing.unapplied(monitor, Set.of(node.getId()), now);
                }
            }
        }
    }

    /* made here, once, so that concurrent evaluations of the node's first samples only ever lock it */
    private void startAlert(Monitor monitor, long nodeId, Instant now) {
        alerts.ensureExists(monitor.getOrganizationId(), monitor.getId(), nodeId, RuleState.initial().encode(), now);
    }

    private void scheduleChecks(Monitor monitor, Collection<Long> nodeIds) {
        RemoteCheckSettings check = monitor.getCheck();
        if (check == null || !monitor.isEnabled()) {
            return;
        }
        long spreadMillis = Math.min(Duration.ofSeconds(check.getIntervalSeconds()).toMillis(), 5_000);
        for (Long nodeId : nodeIds) {
            // spread the first runs so that a monitor over a thousand nodes does not fire a thousand checks at once
            Duration delay = Duration.ofMillis(ThreadLocalRandom.current().nextLong(spreadMillis + 1));
            events.publishAfter(new RemoteCheckDue(monitor.getOrganizationId(), monitor.getId(),
                    monitor.getRevision(), nodeId), delay);
        }
    }
}
