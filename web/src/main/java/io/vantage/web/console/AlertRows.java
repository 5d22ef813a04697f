package io.vantage.web.console;

import io.vantage.alerts.AlertDesk;
import io.vantage.inventory.NodeCatalog;
import io.vantage.monitors.MonitorCatalog;
import io.vantage.persistence.alerts.Alert;
import io.vantage.persistence.alerts.AlertRepository;
import io.vantage.persistence.monitors.Monitor;
import io.vantage.persistence.alerts.Severity;
import io.vantage.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads alerts for the console's pages and names what they refer to: the node and the monitor of each, and the
 * monitor's metric to write the value in. Shared by the alerts page, the alert page and the node page's panel.
 */
@ApplicationScoped
public class AlertRows {

    @Inject
    AlertDesk desk;

    @Inject
    MonitorCatalog monitors;

    @Inject
    NodeCatalog nodes;

    /**
     * The alerts the filter selects, at most {@code limit}, current problems first. Problems are read on their own
     * before the rest, so that a long-standing problem is listed however many alerts changed since it began.
     *
     * @param minimum      the least severity listed, null for every alert
     * @param nodeId       one node's alerts, null for every node
     * @param acknowledged true or false for only (un)acknowledged alerts, null for both
     */
    public List<AlertRow> list(Caller caller, Severity minimum, Long nodeId, Boolean acknowledged, int limit) {
        Severity problems = minimum == null || !minimum.isProblem() ? Severity.WARNING : minimum;
        List<Alert> found = new ArrayList<>(desk.list(caller,
                new AlertRepository.AlertFilter(problems, null, nodeId, acknowledged, limit)));
        if (problems != minimum && found.size() < limit) {
            desk.list(caller, new AlertRepository.AlertFilter(null, null, nodeId, acknowledged, limit)).stream()
                    .filter(alert -> !alert.getSeverity().isProblem())
                    .limit(limit - found.size())
                    .forEach(found::add);
        }
        if (found.isEmpty()) {
            return List.of();
        }
        Names names = names(caller);
        return found.stream().map(names::row).sorted(AlertRow.PROBLEMS_FIRST).toList();
    }

    /** One alert, named like the rows of a list. */
    public AlertRow row(Caller caller, Alert alert) {
        return names(caller).row(alert);
    }

    private Names names(Caller caller) {
        // one read of each per list, whatever its length: the page redraws on every pushed change
        return new Names(nodes.names(caller), monitors.list(caller).stream()
                .collect(Collectors.toMap(Monitor::getId, Function.identity())));
    }

    /** The organization's node names and live monitors by id; deleted monitors are absent. */
    private record Names(Map<Long, String> nodes, Map<Long, Monitor> monitors) {

        AlertRow row(Alert alert) {
            Monitor monitor = monitors.get(alert.getMonitorId());
            return new AlertRow(alert, nodes.get(alert.getNodeId()), monitor == null ? null : monitor.getName(),
                    monitor == null ? null : monitor.getMetric());
        }
    }
}
