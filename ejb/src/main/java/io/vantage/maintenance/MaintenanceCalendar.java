package io.vantage.maintenance;

import io.vantage.inventory.NodeSearch;
import io.vantage.inventory.query.NodeFacts;
import io.vantage.inventory.query.NodeQueryMatcher;
import io.vantage.inventory.query.NodeQueryParser;
import io.vantage.persistence.inventory.Node;
import io.vantage.persistence.inventory.NodeRepository;
import io.vantage.persistence.maintenance.MaintenanceRepository;
import io.vantage.persistence.maintenance.MaintenanceWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Answers whether a node is in a maintenance window at a moment: some window of its organization is open then and
 * its node query selects the node. Asked only when an alert changes, so it reads the windows each time.
 */
@ApplicationScoped
public class MaintenanceCalendar {

    @Inject
    MaintenanceRepository windows;

    @Inject
    NodeRepository nodes;

    public boolean covers(long organizationId, long nodeId, Instant moment) {
        Optional<Node> node = nodes.find(organizationId, nodeId);
        if (node.isEmpty()) {
            return false;
        }
        NodeFacts facts = NodeSearch.factsOf(node.get());
        for (MaintenanceWindow window : windows.findAll(organizationId)) {
            if (scheduleOf(window).covers(moment) && NodeQueryMatcher.matches(NodeQueryParser.parse(window.getNodeQuery()), facts)) {
                return true;
            }
        }
        return false;
    }

    public static MaintenanceSchedule scheduleOf(MaintenanceWindow window) {
        return new MaintenanceSchedule(window.getStartsAt(), window.getEndsAt(),
                MaintenanceSchedule.parseDays(window.getRecurrenceDays()),
                window.getDurationMinutes() == null ? null : Duration.ofMinutes(window.getDurationMinutes()),
                MaintenanceSchedule.parseZone(window.getTimeZone()));
    }
}
